import { useRef, useState } from 'react';
import type { Alert, Mute } from '#api/records';
import { keepFocusOnPage } from '../components/focus-after-removal';
import { Button, classes } from '../components/plain';
import { formatDateTime } from '../format';
import { useRefresh } from '../state/snapshot-context';
import { useCall } from '../state/use-call';
import { alertSubjectHref, alertSubjectLinkText } from './alert-links';
import { mutesChanged } from './use-mutes';

// What an operator can do about one alert, the same in the banner and on the Alerts page:
// acknowledge it, mute its subject for a day (or lift the mute), and go to its subject.

const MUTE_HOURS = 24;

export function AlertActions({
  alert,
  mute,
  onDone,
  inverted = false,
  touch = false,
}: {
  alert: Alert;
  mute: Mute | undefined;
  onDone?: () => void;
  /** On a filled (coloured) banner the buttons take the banner's text colour. */
  inverted?: boolean;
  /** Buttons and link at least 44 px tall, for a card on a phone. */
  touch?: boolean;
}) {
  const call = useCall();
  const refresh = useRefresh();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const box = useRef<HTMLDivElement | null>(null);
  const act = async (run: () => Promise<unknown>, changesMutes = false) => {
    // Not `disabled` while it runs: a disabled button drops the keyboard's focus.
    if (pending) return;
    // The button pressed may be gone afterwards (Mute became Unmute, an acknowledged alert
    // left the banner): focus goes to the same alert's Mute or Unmute, else to the banner's
    // next alert, else to the page's content.
    const own = box.current;
    if (own?.contains(document.activeElement)) {
      keepFocusOnPage(own, () => [
        own.querySelector<HTMLElement>('button[data-kind="mute"], button[data-kind="unmute"]'),
        document.querySelector<HTMLElement>('[data-testid="critical-alerts"] button'),
      ]);
    }
    setError(null);
    setPending(true);
    try {
      await run();
      if (changesMutes) mutesChanged();
      await refresh();
      onDone?.();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setPending(false);
    }
  };
  const look = inverted ? 'outlined' : 'text';
  const about = `${alert.message}`;
  const small = !touch;
  return (
    <div ref={box} className={classes('alert-actions', touch && 'alert-actions-touch')}>
      {!alert.acknowledgedAt && !alert.resolvedAt && (
        <Button
          small={small}
          touch={touch}
          inherit={inverted}
          look={look}
          aria-disabled={pending}
          aria-label={`Acknowledge: ${about}`}
          onClick={() => void act(() => call('alerts.acknowledge', { id: alert.id }))}
        >
          Acknowledge
        </Button>
      )}
      {mute ? (
        <>
          <span className="text-body2" data-testid="muted-until">
            {mute.until ? `Muted until ${formatDateTime(mute.until)}` : 'Muted'}
          </span>
          <Button
            small={small}
            touch={touch}
            inherit={inverted}
            look={look}
            aria-disabled={pending}
            aria-label={`Unmute: ${about}`}
            data-kind="unmute"
            onClick={() =>
              void act(() => call('alerts.unmute', { subjectId: alert.subjectId }), true)
            }
          >
            Unmute
          </Button>
        </>
      ) : (
        <Button
          small={small}
          touch={touch}
          inherit={inverted}
          look={look}
          aria-disabled={pending}
          aria-label={`Mute ${MUTE_HOURS} h: ${about}`}
          data-kind="mute"
          onClick={() =>
            void act(
              () =>
                call('alerts.mute', {
                  subjectId: alert.subjectId,
                  until: new Date(Date.now() + MUTE_HOURS * 3_600_000).toISOString(),
                }),
              true,
            )
          }
        >
          Mute {MUTE_HOURS} h
        </Button>
      )}
      <a href={alertSubjectHref(alert)} className="link-inherit" style={{ fontSize: '0.875rem' }}>
        {alertSubjectLinkText(alert)}
      </a>
      {error && (
        <p role="alert" className="text-body2 text-strong">
          {error}
        </p>
      )}
    </div>
  );
}
