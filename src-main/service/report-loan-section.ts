import type { ScheduleRow } from '#api/methods';
import type { LoanView } from '#api/snapshot';
import { formatCollateral, formatDayCount } from '#shared/loan-text';
import { keyValues, num, paragraph, table } from './report-markup';
import { MISSING, escapeHtml, groupedNumber, usd, usdPrice, withUnit } from './report-text';

// The report's section for one loan: its figures, its schedule and the payments made.

export function loanSection(loan: LoanView, schedule: readonly ScheduleRow[]): string {
  const collateral = escapeHtml(formatCollateral(loan.collateral));
  const on = loan.triggerAsset === null ? '' : ` ${loan.triggerAsset}`;
  const rate =
    loan.repayment === 'amortizing'
      ? 'monthly at APR/12 (30/360)'
      : `daily, ${formatDayCount(loan.dayCount)}`;
  const facts = keyValues([
    ['Principal', num(`${usd(loan.principal)} (${loan.currency})`)],
    ['Rate', num(`${withUnit(loan.aprPct, '% APR')}, ${rate}`)],
    ['Term', `${loan.startDate}, ${loan.termMonths} months, ${loan.repayment}`],
    ['Principal balance', num(usd(loan.principalBalance))],
    ['Accrued unpaid interest', num(usd(loan.accruedInterest))],
    ['Outstanding', num(usd(loan.outstanding))],
    [
      'Collateral',
      loan.collateral.length === 0
        ? 'unsecured (no LTV, health or cure)'
        : num(`${collateral} = ${usd(loan.collateralValueUsd)}`),
    ],
    ['LTV', num(withUnit(loan.ltvPct, '%'))],
    [
      'Margin call at',
      num(
        `${withUnit(loan.marginCallLtvPct, '% LTV')},${on} price ${usdPrice(loan.marginCallPrice)}`,
      ),
    ],
    [
      'Liquidation at',
      num(
        `${withUnit(loan.liquidationLtvPct, '% LTV')},${on} price ${usdPrice(loan.liquidationPrice)}`,
      ),
    ],
    [
      'Health',
      `${loan.health}, health factor ${loan.healthFactor === null ? MISSING : groupedNumber(loan.healthFactor, 2)}`,
    ],
    [
      'Next payment',
      loan.nextPayment ? `${usd(loan.nextPayment.amount)} due ${loan.nextPayment.date}` : MISSING,
    ],
  ]);
  const rows = schedule.map((r) => [
    r.date,
    num(usd(r.payment)),
    num(usd(r.interest)),
    num(usd(r.principal)),
    num(usd(r.balance)),
    r.paid ? 'paid' : r.projected ? 'planned' : `due ${usd(r.due)}`,
  ]);
  const payments = loan.payments.map((p) => [p.date, num(usd(p.amount))]);
  return [
    `<h3>${escapeHtml(loan.lender)}</h3>`,
    facts,
    '<h3>Schedule</h3>',
    table(['Due', 'Payment', 'Interest', 'Principal', 'Balance after', 'State'], rows),
    payments.length === 0
      ? paragraph('No payments recorded.')
      : table(['Paid on', 'Amount'], payments),
  ].join('\n');
}
