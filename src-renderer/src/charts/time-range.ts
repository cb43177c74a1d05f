// The ranges a history chart can show, and the time axis for them: a linear axis of epoch
// milliseconds whose ticks fall on whole hours, days or months in the operator's time zone.

export const TIME_RANGES = {
  '24h': { label: '24 h', spanMs: 24 * 3_600_000, axisTitle: 'Time (local)' },
  '7d': { label: '7 d', spanMs: 7 * 86_400_000, axisTitle: 'Date (local)' },
  '30d': { label: '30 d', spanMs: 30 * 86_400_000, axisTitle: 'Date (local)' },
  '1y': { label: '1 y', spanMs: 365 * 86_400_000, axisTitle: 'Month (local)' },
} as const;

export type TimeRange = keyof typeof TIME_RANGES;

export const TIME_RANGE_KEYS = Object.keys(TIME_RANGES).filter(
  (key): key is TimeRange => key in TIME_RANGES,
);

const TICK_FORMATS: Record<TimeRange, Intl.DateTimeFormat> = {
  '24h': new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }),
  '7d': new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' }),
  '30d': new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' }),
  '1y': new Intl.DateTimeFormat(undefined, { month: 'short', year: '2-digit' }),
};

/** The label under one tick of the time axis. */
export function timeTickLabel(epochMs: number, range: TimeRange): string {
  return TICK_FORMATS[range].format(epochMs);
}

/** The first tick at or after `min`, on a whole step boundary (local time). */
function firstTick(min: number, range: TimeRange): Date {
  const t = new Date(min);
  if (range === '24h') {
    t.setMinutes(0, 0, 0);
    t.setHours(Math.ceil(t.getHours() / 4) * 4);
  } else if (range === '1y') {
    t.setHours(0, 0, 0, 0);
    t.setDate(1);
    t.setMonth(t.getMonth() + 1);
  } else {
    t.setHours(0, 0, 0, 0);
  }
  while (t.getTime() < min) step(t, range);
  return t;
}

function step(t: Date, range: TimeRange): void {
  if (range === '24h') t.setHours(t.getHours() + 4);
  else if (range === '7d') t.setDate(t.getDate() + 1);
  else if (range === '30d') t.setDate(t.getDate() + 5);
  else t.setMonth(t.getMonth() + 2);
}

/** Tick positions (epoch ms) between `min` and `max`. */
export function timeTicks(min: number, max: number, range: TimeRange): number[] {
  const ticks: number[] = [];
  for (const t = firstTick(min, range); t.getTime() <= max; step(t, range)) {
    ticks.push(t.getTime());
  }
  return ticks;
}
