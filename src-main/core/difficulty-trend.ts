import { type Dec, HUNDRED, ONE, ZERO, dec } from '#shared/decimal';

// The difficulty change per retarget the runway assumes, from the recorded network
// difficulty (docs/formulas-risk.md "Difficulty per retarget"): the mean of the retargets
// observed. The history keeps hourly means, so one retarget can show as two steps (the
// hour it happened in is a blend): steps less than two days apart are one retarget.

/** A stored history point: ISO time and a decimal value. */
export type HistoryValue = readonly [string, string];

const SAME_RETARGET_MS = 2 * 86_400_000;

/** Mean change per retarget in percent, or null when no retarget was recorded. */
export function meanRetargetPct(points: readonly HistoryValue[]): Dec | null {
  const retargets: { at: number; ratio: Dec }[] = [];
  for (let i = 1; i < points.length; i++) {
    const before = dec(points[i - 1]![1]);
    const after = dec(points[i]![1]);
    if (after.eq(before) || before.lte(0)) continue;
    const at = Date.parse(points[i]![0]);
    const last = retargets.at(-1);
    if (last !== undefined && at - last.at < SAME_RETARGET_MS) {
      last.ratio = last.ratio.mul(after.div(before));
      last.at = at;
    } else {
      retargets.push({ at, ratio: after.div(before) });
    }
  }
  if (retargets.length === 0) return null;
  // docs/formulas-risk.md "Difficulty per retarget": g = mean(Dₖ/Dₖ₋₁ − 1) × 100.
  const sum = retargets.reduce((total, r) => total.plus(r.ratio.minus(ONE)), ZERO);
  return sum.div(retargets.length).mul(HUNDRED);
}
