import type TooltipComponent from '@mui/material/Tooltip';
import {
  cloneElement,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type MouseEvent,
  type ReactElement,
  type Ref,
} from 'react';

// A tooltip that costs nothing until it is wanted. A table of two thousand rigs may show a
// "why is this missing" tooltip on every row; MUI's Tooltip is a component with a dozen
// hooks each, so the child is rendered alone, with its reason as a native `title`, until a
// pointer or the keyboard first reaches it. Then the real tooltip takes over, open.
// MUI's Tooltip (with its popper) is not part of the first screen's script either: it is
// fetched the first time any tooltip is wanted (docs/architecture.md "The first screen").

type ChildProps = {
  ref?: Ref<HTMLElement>;
  title?: string;
  'aria-label'?: string;
  onMouseOver?(event: MouseEvent): void;
  onMouseLeave?(event: MouseEvent): void;
  onMouseDown?(event: MouseEvent): void;
  onMouseUp?(event: MouseEvent): void;
  onFocus?(event: FocusEvent): void;
  onBlur?(event: FocusEvent): void;
};

/**
 * How long the pointer rests on a child before its tooltip is made. Making it draws the
 * child anew, which would swallow a click that passes straight through (a quick click or
 * a tap on the theme button), and it is never made while a button is held down.
 */
const HOVER_INTENT_MS = 250;

let Tooltip: typeof TooltipComponent | null = null;
let loading: Promise<typeof TooltipComponent> | null = null;

/** MUI's Tooltip, fetched once for every tooltip of the page. */
export function preloadTooltip(): Promise<typeof TooltipComponent> {
  loading ??= import('@mui/material/Tooltip').then((module) => (Tooltip = module.default));
  return loading;
}

export function HoverTooltip({
  title,
  describeChild = true,
  children,
}: {
  /** Said on hover and on focus; also the child's accessible description. */
  title: string;
  /**
   * True (the default): the title describes the child, which has a name of its own. False:
   * the title is the child's accessible name (a chip saying "Offline", explained on hover).
   */
  describeChild?: boolean;
  children: ReactElement<ChildProps>;
}) {
  const [open, setOpen] = useState<boolean | null>(null);
  // Still pointed at or focused once the tooltip has arrived: opened then, else left closed.
  const wanted = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  // The real tooltip takes the child's place, so the child is drawn anew: when the keyboard
  // had reached it, focus goes back to it rather than falling to the page's body.
  const focused = useRef(false);
  const pressing = useRef(false);
  const hoverTimer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(hoverTimer.current), []);
  const child = useRef<HTMLElement | null>(null);
  const swapped = open !== null && Tooltip !== null;
  useLayoutEffect(() => {
    if (!swapped || !focused.current) return;
    focused.current = false;
    const active = document.activeElement;
    if (active === null || active === document.body) child.current?.focus({ preventScroll: true });
  }, [swapped]);
  if (!swapped || Tooltip === null) {
    const want = () => {
      wanted.current = true;
      if (Tooltip !== null) {
        setOpen(true);
        return;
      }
      void preloadTooltip().then(
        () => {
          if (mounted.current && wanted.current) setOpen(true);
        },
        (cause: unknown) => console.error('RigLedger: the tooltip could not be loaded', cause),
      );
    };
    const leave = () => {
      wanted.current = false;
    };
    const wantAfterRest = () => {
      window.clearTimeout(hoverTimer.current);
      hoverTimer.current = window.setTimeout(() => {
        if (!pressing.current) want();
        else wantAfterRest();
      }, HOVER_INTENT_MS);
    };
    return cloneElement(children, {
      title,
      ...(describeChild ? {} : { 'aria-label': title }),
      onMouseOver: () => {
        wanted.current = true;
        if (hoverTimer.current === undefined) wantAfterRest();
      },
      onMouseLeave: () => {
        window.clearTimeout(hoverTimer.current);
        hoverTimer.current = undefined;
        pressing.current = false;
        leave();
      },
      onMouseDown: () => {
        pressing.current = true;
      },
      onMouseUp: () => {
        pressing.current = false;
      },
      onFocus: () => {
        focused.current = true;
        // Focus from a press (mousedown, a tap) waits like a hover: made now, the tooltip
        // would draw the button anew between its press and release, and the click be lost.
        if (pressing.current) {
          wanted.current = true;
          wantAfterRest();
        } else want();
      },
      onBlur: () => {
        focused.current = false;
        leave();
      },
    });
  }
  return (
    <Tooltip
      title={title}
      describeChild={describeChild}
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
    >
      {cloneElement(children, { ref: child })}
    </Tooltip>
  );
}
