import { DEFAULT_SETTINGS } from '#api/records';
import { dec } from '#shared/decimal';
import { historyV1toV2 } from './history-migrations';
import { CURRENT_SCHEMA_VERSION, HISTORY_SCHEMA_VERSION } from './schema';
import { StoreError } from './store-error';

// Old files are brought up to the current schemaVersion one step at a time, on open,
// before validation. A file from a newer RigLedger is refused and left untouched.

type JsonObject = Record<string, unknown>;

export interface Migration {
  /** schemaVersion this step reads (0 = a file without schemaVersion). */
  from: number;
  /** What changed, for the log. */
  summary: string;
  /** The summary with the day of the upgrade in it, when the step used that day. */
  describe?(today: string): string;
  /** `today` (YYYY-MM-DD) is the day of the upgrade, for a step that needs a date. */
  up(document: JsonObject, today: string): JsonObject;
}

export interface DocumentKind {
  /** The file name, for messages. */
  fileName: string;
  currentVersion: number;
  /** Steps ordered by `from`; step i takes version i to i + 1. */
  migrations: readonly Migration[];
}

export interface MigrationResult {
  document: JsonObject;
  fromVersion: number;
  /** Summaries of the steps applied; empty when the file was already current. */
  applied: string[];
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fills every key missing from `value` with the one from `defaults`, recursively. */
function withDefaults(value: unknown, defaults: unknown): unknown {
  if (!isJsonObject(defaults)) return value === undefined ? structuredClone(defaults) : value;
  if (!isJsonObject(value)) return value === undefined ? structuredClone(defaults) : value;
  const merged: JsonObject = { ...value };
  for (const [key, fallback] of Object.entries(defaults)) {
    merged[key] = withDefaults(value[key], fallback);
  }
  return merged;
}

/**
 * v0 (preview builds) → v1. A v0 file has no schemaVersion and only the record lists
 * and the settings it knew at the time; everything added since starts empty and any
 * missing setting takes its default.
 */
export const databaseV0toV1: Migration = {
  from: 0,
  summary: 'added schemaVersion, the mute / manual / last-known collections and missing settings',
  up(document) {
    return {
      schemaVersion: 1,
      rigs: document.rigs ?? [],
      loans: document.loans ?? [],
      positions: document.positions ?? [],
      settings: withDefaults(document.settings, DEFAULT_SETTINGS),
      alerts: document.alerts ?? [],
      mutes: document.mutes ?? [],
      manualPrices: document.manualPrices ?? {},
      manualNetwork: document.manualNetwork ?? {},
      lastPrices: document.lastPrices ?? {},
      lastNetwork: document.lastNetwork ?? {},
    };
  },
};

/** v1 → v2: hand-entered realised PnL entries, starting empty. */
export const databaseV1toV2: Migration = {
  from: 1,
  summary: 'added the realised PnL list',
  up(document) {
    return { ...document, schemaVersion: 2, realisedPnl: document.realisedPnl ?? [] };
  },
};

function isZeroAmount(value: unknown): boolean {
  return typeof value !== 'string' || /^-?0*(\.0*)?$/.test(value.trim());
}

const LTV_FIELDS = ['marginCallLtvPct', 'liquidationLtvPct', 'targetLtvPct'] as const;

/**
 * LTV bands saved as fractions (0.7 meaning 70 %) before the contract refused them: when
 * every band the loan has is below 1, they were fractions, and become the percents they
 * meant. Left alone they would show the loan in liquidation at a health factor of 0.01.
 */
function ltvBandsAsPercents(loan: JsonObject): JsonObject {
  const bands = LTV_FIELDS.map((field) => loan[field]).filter((v) => v !== undefined);
  const looksFractional = bands.every(
    (value) => typeof value === 'string' && /^\d*\.?\d+$/.test(value) && dec(value).lt(1),
  );
  if (bands.length === 0 || !looksFractional) return loan;
  const fixed: JsonObject = { ...loan };
  for (const field of LTV_FIELDS) {
    const value = loan[field];
    if (typeof value === 'string') fixed[field] = dec(value).mul(100).toString();
  }
  return fixed;
}

/** One v2 loan in the v3 shape: a collateral list, ids on its payments, LTVs in percent. */
function loanV2toV3(value: unknown): unknown {
  if (!isJsonObject(value)) return value;
  const loan = ltvBandsAsPercents(value);
  const { collateralAsset, collateralAmount, ...rest } = loan;
  // A zero amount was how v2 recorded a loan without collateral: v3 calls it unsecured.
  const collateral =
    Array.isArray(loan.collateral) ||
    collateralAsset === undefined ||
    isZeroAmount(collateralAmount)
      ? (loan.collateral ?? [])
      : [{ asset: collateralAsset, amount: collateralAmount }];
  const payments = Array.isArray(loan.payments)
    ? loan.payments.map((payment: unknown, index) =>
        isJsonObject(payment) && payment.id === undefined
          ? { id: `pay-${index + 1}`, ...payment }
          : payment,
      )
    : loan.payments;
  return { ...rest, collateral, payments };
}

/**
 * v2 → v3: a loan holds a list of collateral assets (the one-asset pair becomes a list of
 * one; a zero amount becomes an unsecured loan), each payment has an id so it can be
 * corrected or removed, and LTV bands saved as fractions become percents.
 */
export const databaseV2toV3: Migration = {
  from: 2,
  summary: 'loans hold a collateral list and their payments have ids',
  up(document) {
    const loans = Array.isArray(document.loans) ? document.loans.map(loanV2toV3) : document.loans;
    return { ...document, schemaVersion: 3, loans };
  },
};

/**
 * v3 → v4: every rig has a day it began to count in the books. A rig with no purchase date
 * gets `enteredAt` = the day of the upgrade, for lack of a better date (the day it was
 * entered was never stored), so a rig never adds power cost to months before it existed;
 * the upgrade notice says so, and a purchase date set later wins.
 */
export const databaseV3toV4: Migration = {
  from: 3,
  summary: 'rigs without a purchase date count in the books from the day of this upgrade',
  describe: (today) =>
    `rigs without a purchase date count in the books from today (${today}), for lack of a ` +
    `better date; set a rig's purchase date to count it from earlier`,
  up(document, today) {
    const rigs = Array.isArray(document.rigs)
      ? document.rigs.map((rig: unknown) =>
          isJsonObject(rig) && rig.purchasedAt === undefined && rig.enteredAt === undefined
            ? { ...rig, enteredAt: today }
            : rig,
        )
      : document.rigs;
    return { ...document, schemaVersion: 4, rigs };
  },
};

/** v4 → v5: off-desk notification channels (none yet), escalation and the dashboard address. */
export const databaseV4toV5: Migration = {
  from: 4,
  summary: 'added notification channels and escalation settings',
  up(document) {
    const settings = isJsonObject(document.settings) ? document.settings : {};
    return {
      ...document,
      schemaVersion: 5,
      settings: {
        ...settings,
        notifications: withDefaults(settings.notifications, DEFAULT_SETTINGS.notifications),
      },
    };
  },
};

/** v5 → v6: funding payments per position and the last funding quotes, starting empty. */
export const databaseV5toV6: Migration = {
  from: 5,
  summary: 'added funding payments and funding rates of perpetual positions',
  up(document) {
    return {
      ...document,
      schemaVersion: 6,
      fundingPayments: document.fundingPayments ?? [],
      lastFunding: document.lastFunding ?? {},
    };
  },
};

export const DATABASE_DOCUMENT: DocumentKind = {
  fileName: 'rigledger.json',
  currentVersion: CURRENT_SCHEMA_VERSION,
  migrations: [
    databaseV0toV1,
    databaseV1toV2,
    databaseV2toV3,
    databaseV3toV4,
    databaseV4toV5,
    databaseV5toV6,
  ],
};

export const HISTORY_DOCUMENT: DocumentKind = {
  fileName: 'history.json',
  currentVersion: HISTORY_SCHEMA_VERSION,
  migrations: [historyV1toV2],
};

/** Thrown for a file written by a newer RigLedger; the file must not be overwritten. */
export function newerVersionError(kind: DocumentKind, version: number): StoreError {
  return new StoreError(
    'newer-version',
    `${kind.fileName} was saved by a newer version of RigLedger (data format ${version}; ` +
      `this version reads up to ${kind.currentVersion}). Update RigLedger to open it; ` +
      `the file has not been changed.`,
    { fileVersion: version, supportedVersion: kind.currentVersion },
  );
}

/** The document at the current version. Throws when it cannot be read as one. */
export function migrate(
  kind: DocumentKind,
  json: unknown,
  now: Date = new Date(),
): MigrationResult {
  if (!isJsonObject(json)) throw new Error(`${kind.fileName} does not hold a RigLedger document.`);
  const raw = json.schemaVersion ?? 0;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) {
    throw new Error(`${kind.fileName} has an unknown schemaVersion (${JSON.stringify(raw)}).`);
  }
  if (raw > kind.currentVersion) throw newerVersionError(kind, raw);
  let document = json;
  const applied: string[] = [];
  for (let version = raw; version < kind.currentVersion; version += 1) {
    const step = kind.migrations.find((m) => m.from === version);
    if (step === undefined) {
      throw new Error(
        `${kind.fileName} is at data format ${version}, which this version cannot upgrade.`,
      );
    }
    const today = now.toISOString().slice(0, 10);
    document = step.up(document, today);
    applied.push(`v${version} → v${version + 1}: ${step.describe?.(today) ?? step.summary}`);
  }
  return { document, fromVersion: raw, applied };
}
