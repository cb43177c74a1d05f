import type { z } from 'zod';
import { fractionSlip } from '#shared/percent';

// A percent field that a person may have typed as a fraction (an LTV of 0.7 for 70 %) is
// refused with a question, on every way in: creates and patches. Stored records are not
// checked, so a database written before this rule still opens.

/** The loan's LTV thresholds, all percents of the collateral value. */
export const LTV_PCT_FIELDS = ['marginCallLtvPct', 'liquidationLtvPct', 'targetLtvPct'] as const;

/** Adds "did you mean 70 %?" under each of `names` whose value looks like a fraction. */
export function checkPercentsNotFractions(names: readonly string[]) {
  return (value: Readonly<Record<string, unknown>>, ctx: z.RefinementCtx): void => {
    for (const name of names) {
      const text = value[name];
      const slip = typeof text === 'string' ? fractionSlip(text) : null;
      if (slip !== null) ctx.addIssue({ code: 'custom', path: [name], message: slip });
    }
  };
}
