import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { toRpcError } from '../api/rpc-failure';
import { keepFocusOnPage } from '../components/focus-after-removal';
import { AlertBox, Button } from '../components/plain';
import { ICONS, PlainIcon } from '../components/plain-icon';
import { visuallyHidden } from '../components/visually-hidden';

// Passing notices after a change, bottom right (docs/dashboard.md "Notices and Undo"): a
// record removed ("Undo"), an alert raised or escalated ("View"). A notice never takes
// focus: it is announced through one polite live region that is always on the page, and
// its buttons sit in the tab order after the page's content. It leaves after a while,
// but not while the pointer or focus is on it; Escape dismisses the one focused.

export interface NoticeAction {
  /** The button's text ("Undo", "View"). */
  label: string;
  /** Its accessible name in full ("Undo removing Rack 1"). */
  name: string;
  /** A promise: the notice says "…" meanwhile, then what came of it (`done`, or the failure). */
  run(): Promise<string> | void;
}

export interface NoticeInput {
  message: string;
  severity?: 'success' | 'info' | 'warning' | 'error';
  action?: NoticeAction;
  testId?: string;
}

interface Notice extends NoticeInput {
  id: number;
  /** The action ran and this is what it says; the action is gone. */
  outcome?: { text: string; failed: boolean };
  running?: boolean;
}

/** At most this many notices show at once; a new one pushes out the oldest. */
const MAX_NOTICES = 3;
const PLAIN_MS = 8_000;
const WITH_ACTION_MS = 20_000;

const NoticeContext = createContext<(notice: NoticeInput) => void>(() => {});

/** Shows a passing notice. */
export function useNotify(): (notice: NoticeInput) => void {
  return useContext(NoticeContext);
}

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const [announced, setAnnounced] = useState('');
  const next = useRef(1);

  const notify = useCallback((input: NoticeInput) => {
    const id = next.current++;
    setNotices((all) => [...all, { ...input, id }].slice(-MAX_NOTICES));
    setAnnounced(
      input.action ? `${input.message} ${input.action.label} is available.` : input.message,
    );
  }, []);

  const close = useCallback(
    (id: number) => setNotices((all) => all.filter((n) => n.id !== id)),
    [],
  );

  const runAction = useCallback(
    async (notice: Notice) => {
      const action = notice.action;
      if (!action) return;
      const pending = action.run();
      if (!pending) {
        close(notice.id);
        return;
      }
      const set = (patch: Partial<Notice>) =>
        setNotices((all) => all.map((n) => (n.id === notice.id ? { ...n, ...patch } : n)));
      set({ running: true });
      let outcome: Notice['outcome'];
      try {
        outcome = { text: await pending, failed: false };
      } catch (cause) {
        outcome = { text: `${action.label} failed: ${toRpcError(cause).message}`, failed: true };
      }
      set({ running: false, outcome, action: undefined });
      setAnnounced(outcome.text);
    },
    [close],
  );

  return (
    <NoticeContext.Provider value={notify}>
      {children}
      <div role="status" aria-live="polite" style={visuallyHidden} data-testid="notice-announcer">
        {announced}
      </div>
      {notices.length > 0 && (
        <div className="notices">
          {notices.map((notice) => (
            <NoticeView
              key={notice.id}
              notice={notice}
              onClose={() => close(notice.id)}
              onAction={() => void runAction(notice)}
            />
          ))}
        </div>
      )}
    </NoticeContext.Provider>
  );
}

function NoticeView({
  notice,
  onClose,
  onAction,
}: {
  notice: Notice;
  onClose(): void;
  onAction(): void;
}) {
  const [held, setHeld] = useState({ pointer: false, focus: false });
  const box = useRef<HTMLDivElement | null>(null);
  const waiting = held.pointer || held.focus || notice.running === true;
  const lasting = notice.action || notice.outcome ? WITH_ACTION_MS : PLAIN_MS;

  useEffect(() => {
    if (waiting) return;
    const timer = setTimeout(onClose, lasting);
    return () => clearTimeout(timer);
  }, [waiting, lasting, onClose, notice.outcome]);

  // The action's button is gone once it ran: focus stays in the notice, on its close button.
  const hadFocus = useRef(false);
  useEffect(() => {
    if (notice.outcome && hadFocus.current)
      box.current?.querySelector<HTMLElement>('button[aria-label^="Dismiss"]')?.focus();
  }, [notice.outcome]);

  // Dismissed from the keyboard, the notice takes its focus away with it: focus goes to the
  // next notice still showing, else to the page's main content, not the top of the document.
  const dismiss = () => {
    const own = box.current;
    if (own?.contains(document.activeElement)) {
      keepFocusOnPage(own, () => [
        document.querySelector<HTMLElement>('.notices button[aria-label^="Dismiss"]'),
      ]);
    }
    onClose();
  };

  const severity = notice.outcome?.failed ? 'error' : (notice.severity ?? 'info');
  const text = notice.outcome?.text ?? notice.message;
  return (
    <AlertBox
      ref={box}
      // The live region above speaks for it; the notice itself is not announced twice.
      role="group"
      aria-label="Notice"
      severity={severity}
      filled
      className="alert-lifted"
      data-testid={notice.testId ?? 'notice'}
      onMouseEnter={() => setHeld((h) => ({ ...h, pointer: true }))}
      onMouseLeave={() => setHeld((h) => ({ ...h, pointer: false }))}
      onFocus={() => {
        hadFocus.current = true;
        setHeld((h) => ({ ...h, focus: true }));
      }}
      onBlur={(e) => {
        if (box.current?.contains(e.relatedTarget as Node | null)) return;
        hadFocus.current = false;
        setHeld((h) => ({ ...h, focus: false }));
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') dismiss();
      }}
      action={
        <div className="row" style={{ gap: 4 }}>
          {notice.action && (
            <Button
              inherit
              look="outlined"
              touch
              // Not `disabled`: a disabled button drops focus, and focus stays in the notice.
              aria-disabled={notice.running === true}
              aria-label={notice.action.name}
              onClick={() => notice.running !== true && onAction()}
            >
              {notice.running ? `${notice.action.label}…` : notice.action.label}
            </Button>
          )}
          <button
            type="button"
            className="icon-btn"
            aria-label={`Dismiss: ${text}`}
            onClick={dismiss}
            style={{ width: 44, height: 44 }}
          >
            <PlainIcon paths={ICONS.close} />
          </button>
        </div>
      }
    >
      {text}
    </AlertBox>
  );
}
