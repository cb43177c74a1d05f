import type { Severity } from '#api/records';
import { ZERO, type Dec } from '#shared/decimal';

// Which level of a rule a value sits at, with hysteresis: a value that improves keeps its
// current level until it has recovered past that level's threshold by `margin` (docs/formulas.md "Alerts"),
// so a price hovering on a threshold cannot flap an alert on and off at 3 a.m.

export interface AlertLevel {
  level: number;
  severity: Severity;
  threshold: Dec;
}

/**
 * `worse` says which direction is dangerous: 'lower' for a distance to liquidation,
 * 'higher' for an LTV. `levels` are sorted by level, 1 = mildest. Returns 0 for none.
 */
export function levelWithHysteresis({
  value,
  levels,
  worse,
  current,
  margin,
}: {
  value: Dec;
  levels: readonly AlertLevel[];
  worse: 'lower' | 'higher';
  /** The level the alert is at now (0 = none). */
  current: number;
  /** The hysteresis: how far past a threshold the value must recover to drop a level. */
  margin: Dec;
}): number {
  const reached = (threshold: Dec, slack: Dec) =>
    worse === 'lower' ? value.lte(threshold.plus(slack)) : value.gte(threshold.minus(slack));
  let raw = 0;
  for (const l of levels) if (reached(l.threshold, ZERO)) raw = Math.max(raw, l.level);
  if (raw >= current) return raw;
  // Improving: hold each level above `raw` until the value is past it by the margin.
  for (let level = current; level > raw; level--) {
    const spec = levels.find((l) => l.level === level);
    if (spec && reached(spec.threshold, margin)) return level;
  }
  return raw;
}

export function levelSpec(levels: readonly AlertLevel[], level: number): AlertLevel | undefined {
  return levels.find((l) => l.level === level);
}
