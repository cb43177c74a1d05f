import { MISSING } from '../format';
import { HoverTooltip } from './HoverTooltip';

// A formatted figure. A value the core could not compute shows as an em dash whose
// tooltip (and accessible description) says why, so nobody mistakes it for 0. It is
// deliberately not an aria-label: that would collide with form labels. Tables show
// thousands of figures: a figure is a plain span.

export function Figure({
  text,
  missing = 'Not available',
  tone,
  testId,
}: {
  text: string;
  missing?: string;
  /** A gain or a loss, in its colour. */
  tone?: 'success' | 'error';
  testId?: string;
}) {
  const toneClass = tone === undefined ? undefined : `tone-${tone}`;
  if (text !== MISSING) {
    return (
      <span className={toneClass} data-testid={testId}>
        {text}
      </span>
    );
  }
  return (
    <HoverTooltip title={missing}>
      <span
        className="figure-missing"
        tabIndex={0}
        data-missing-reason={missing}
        data-testid={testId}
      >
        {MISSING}
      </span>
    </HoverTooltip>
  );
}
