// What an alert can be about, as plain lists: the alert schema (./alert.ts) is built from
// them, and the page checks a pushed alert against them without loading the validators
// (docs/architecture.md "The first screen").

export const ALERT_RULES = [
  'position.liquidation',
  'position.stop-past-liquidation',
  'loan.ltv',
  'loan.payment-due',
  'loan.cure-deadline',
  'price.stale',
  'price.disputed',
  'price.single-source',
  'rig.offline',
  'rig.hashrate-drop',
  'farm.unprofitable',
  /** The 7-day odds of a margin call or liquidation passed risk.oddsAlertPct (off by default). */
  'risk.odds',
  /** A subject whose alerts could not be worked out or stored: critical, names what to fix. */
  'alerts.degraded',
  /** An off-desk notification channel that has failed for 15 minutes. */
  'notification.failed',
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

/** The kinds of record an alert's subjectId names. */
export const ALERT_SUBJECT_KINDS = ['position', 'loan', 'price', 'rig', 'farm'] as const;
export type AlertSubjectKind = (typeof ALERT_SUBJECT_KINDS)[number];
