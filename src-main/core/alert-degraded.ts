import type { PositionView, Snapshot } from '#api/snapshot';
import type { AlertCondition, RuleFailure, SubjectKind } from './alert-rules';
import { describeError } from '#shared/describe-error';

// When a subject's alerts cannot be worked out or stored, the operator must hear about it
// as loudly as about the alert it may be hiding: a critical `alerts.degraded` that names
// the subject and what to correct. Its other alerts are held as they were meanwhile.

export function positionLabel(p: PositionView): string {
  return `${p.symbol} ${p.side} on ${p.account} (${p.exchange})`;
}

/** How the operator knows a subject, as the alert messages name it. */
export function subjectLabel(snapshot: Snapshot, kind: SubjectKind, id: string): string {
  if (kind === 'position') {
    const position = snapshot.positions.find((p) => p.id === id);
    return position ? positionLabel(position) : `position ${id}`;
  }
  if (kind === 'loan') {
    const loan = snapshot.loans.find((l) => l.id === id);
    return loan ? `the loan from ${loan.lender}` : `loan ${id}`;
  }
  if (kind === 'rig') return snapshot.rigs.find((r) => r.id === id)?.name ?? `rig ${id}`;
  if (kind === 'price') return `the ${id} price`;
  return 'the farm';
}

const WHAT_TO_CHECK: Record<SubjectKind, string> = {
  position: 'its size, entry price, leverage, wallet balance and maintenance figures',
  loan: 'its principal, collateral, LTV thresholds and payments',
  rig: 'its power draw, hash rate and quantity',
  price: 'the price sources under Settings, or set a manual price',
  farm: 'the rigs’ power draw and quantity and the electricity price under Settings',
};

function causeText(cause: unknown): string {
  const text = describeError(cause);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export function degradedCondition(failure: RuleFailure): AlertCondition {
  return {
    rule: 'alerts.degraded',
    subjectKind: failure.subjectKind,
    subjectId: failure.subjectId,
    level: 1,
    severity: 'critical',
    value: null,
    threshold: null,
    message: `Alerts for ${failure.label} cannot be worked out (${causeText(failure.cause)}), so it may be in danger without an alert. Check ${WHAT_TO_CHECK[failure.subjectKind]} and correct the figure that is out of range; every other alert keeps working.`,
  };
}
