// Alert severities and their order, in one place: the alert list sorts by it, the
// navigation badge and the tray take the worst one.

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** 0 for info up to 2 for critical: a higher rank is worse. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Sorts worst first: critical, then warning, then info. */
export function compareSeverityWorstFirst(a: Severity, b: Severity): number {
  return severityRank(b) - severityRank(a);
}

/** The worst severity among the alerts, or null when there are none. */
export function worstSeverity(alerts: readonly { severity: Severity }[]): Severity | null {
  let worst: Severity | null = null;
  for (const { severity } of alerts) {
    if (worst === null || severityRank(severity) > severityRank(worst)) worst = severity;
  }
  return worst;
}
