import { ALERT_RULES, ALERT_SUBJECT_KINDS } from '#api/alert-rules';
import { DECIMAL_PATTERN } from '#shared/decimal-text';
import { SEVERITIES } from '#shared/severity';

// The checks the page makes on a pushed event, by hand: the summary of a Snapshot and an
// alert whole, field by field as the contract's schemas (src-main/api/snapshot.ts, alert.ts)
// describe them. The first screen loads no validator library (docs/architecture.md
// "The first screen"); `event-shape.test.ts` holds these checks to the schemas.

/** A problem found in a value, as a sentence naming where it is; null when there is none. */
export type Check = (value: unknown, path: string) => string | null;

const describe = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'string'
        ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`
        : typeof value === 'object'
          ? 'an object'
          : String(value);

const wrong = (path: string, expected: string, value: unknown) =>
  `${path} should be ${expected}, not ${describe(value)}.`;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function text({ min = 0, max = Infinity }: { min?: number; max?: number } = {}): Check {
  return (value, path) =>
    typeof value !== 'string'
      ? wrong(path, 'text', value)
      : value.length < min
        ? `${path} should not be empty.`
        : value.length > max
          ? `${path} is longer than ${max} characters.`
          : null;
}

/**
 * A decimal string of at most `max` characters ("12.5"), spaces around it let through when
 * `trim` (a figure the host computed may be long, and has none).
 */
export function decimal(max: number, { trim = true } = {}): Check {
  return (value, path) => {
    if (typeof value !== 'string')
      return wrong(path, 'a decimal number in quotes such as "12.5"', value);
    const digits = trim ? value.trim() : value;
    return !DECIMAL_PATTERN.test(digits)
      ? wrong(path, 'a decimal number such as "12.5"', value)
      : digits.length > max
        ? `${path} has more than ${max} characters.`
        : null;
  };
}

const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** A day that exists: "2026-02-30" is refused. */
const realDay = (iso: string): boolean => {
  const day = iso.slice(0, 10);
  const at = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(day);
};

export const dateTime: Check = (value, path) =>
  typeof value !== 'string' || value.length > 40 || !ISO_DATE_TIME.test(value) || !realDay(value)
    ? wrong(path, 'a date and time in ISO 8601 form', value)
    : null;

export const bool: Check = (value, path) =>
  typeof value === 'boolean' ? null : wrong(path, 'true or false', value);

export function int({
  min = -Infinity,
  max = Infinity,
}: { min?: number; max?: number } = {}): Check {
  return (value, path) =>
    typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max
      ? wrong(
          path,
          min === -Infinity
            ? 'a whole number'
            : `a whole number from ${min}${max === Infinity ? ' up' : ` to ${max}`}`,
          value,
        )
      : null;
}

export function oneOf(choices: readonly string[]): Check {
  return (value, path) =>
    typeof value === 'string' && choices.includes(value)
      ? null
      : wrong(path, `one of ${choices.join(', ')}`, value);
}

export const nullable =
  (check: Check): Check =>
  (value, path) =>
    value === null ? null : check(value, path);

/** A field that may be left out (but is not null when given). */
export const optional = (check: Check): Check & { optional: true } =>
  Object.assign(
    (value: unknown, path: string) => (value === undefined ? null : check(value, path)),
    {
      optional: true as const,
    },
  );

export function list(item: Check): Check {
  return (value, path) => {
    if (!Array.isArray(value)) return wrong(path, 'a list', value);
    for (let i = 0; i < value.length; i += 1) {
      const problem = item(value[i], `${path}[${i}]`);
      if (problem) return problem;
    }
    return null;
  };
}

/** An object keyed by anything (an asset symbol, say), each value checked. */
export function record(entry: Check): Check {
  return (value, path) => {
    if (!isObject(value)) return wrong(path, 'an object', value);
    for (const [key, item] of Object.entries(value)) {
      const problem = entry(item, `${path}.${key}`);
      if (problem) return problem;
    }
    return null;
  };
}

export type ObjectCheck = Check & { fields: Record<string, Check> };

/** An object with these fields; others are let through unless `strict`. */
export function object(fields: Record<string, Check>, { strict = false } = {}): ObjectCheck {
  const check: Check = (value, path) => {
    if (!isObject(value)) return wrong(path, 'an object', value);
    for (const [key, field] of Object.entries(fields)) {
      if (!(key in value) && !('optional' in field)) return `${path}.${key} is missing.`;
      const problem = field(value[key], `${path}.${key}`);
      if (problem) return problem;
    }
    if (strict) {
      const extra = Object.keys(value).find((key) => !Object.hasOwn(fields, key));
      if (extra !== undefined) return `${path}.${extra} is not a field of it.`;
    }
    return null;
  };
  return Object.assign(check, { fields });
}

/** The same object with every field optional (a patch of it). */
export function partial(whole: ObjectCheck, options: { strict?: boolean } = {}): ObjectCheck {
  return object(
    Object.fromEntries(Object.entries(whole.fields).map(([key, field]) => [key, optional(field)])),
    options,
  );
}

// The contract's fields, as src-main/api/fields.ts defines them.
const dec = decimal(40);
const decOrNull = nullable(dec);
const figure = decimal(400, { trim: false });
const recordId = text({ min: 1, max: 64 });

export const alertShape = object(
  {
    id: recordId,
    rule: oneOf(ALERT_RULES),
    severity: oneOf(SEVERITIES),
    level: int({ min: 1, max: 9 }),
    subjectKind: oneOf(ALERT_SUBJECT_KINDS),
    subjectId: text({ min: 1, max: 200 }),
    message: text({ max: 2000 }),
    value: nullable(figure),
    threshold: nullable(figure),
    raisedAt: dateTime,
    escalatedAt: optional(dateTime),
    acknowledgedAt: optional(dateTime),
    resolvedAt: optional(dateTime),
  },
  { strict: true },
);

export const priceEntryShape = object({
  usd: dec,
  source: text(),
  at: dateTime,
  stale: bool,
  manual: bool,
  disputed: bool,
  singleSource: optional(bool),
  multiSourceUsd: optional(dec),
  ageSec: int(),
  fromHistory: optional(bool),
});

export const networkEntryShape = object({
  difficulty: dec,
  blockReward: dec,
  feesPerBlock: dec,
  networkHashrateHs: dec,
  height: nullable(int()),
  source: text(),
  at: dateTime,
  stale: bool,
});

export const hashPowerShape = object({
  coin: text(),
  algorithm: text(),
  nominalHs: dec,
  liveHs: decOrNull,
  livePct: decOrNull,
  liveBelowThreshold: bool,
  rigsOnline: int(),
  rigsTotal: int(),
});

export const farmShape = object({
  hashPower: list(hashPowerShape),
  powerWatts: dec,
  revenueUsdPerDay: decOrNull,
  revenueLostUsdPerDay: decOrNull,
  powerCostUsdPerDay: dec,
  profitUsdPerDay: decOrNull,
  debtUsd: dec,
  collateralUsd: decOrNull,
  worstHealthFactor: decOrNull,
  btcHashpriceUsdPerPhDay: decOrNull,
});

export const NOTICE_KINDS = ['recovered-from-backup', 'recovered-empty', 'migrated'] as const;

export const storeNoticeShape = object({
  id: text({ min: 1, max: 100 }),
  kind: oneOf(NOTICE_KINDS),
  message: text(),
  at: dateTime,
});

/** Everything in a Snapshot but its record lists. */
export const summaryShape = object({
  asOf: dateTime,
  offline: bool,
  scenario: nullable(record(dec)),
  prices: record(priceEntryShape),
  assetsInUse: list(text()),
  network: record(networkEntryShape),
  farm: farmShape,
  notices: list(storeNoticeShape),
});
