import { expect, test } from '@playwright/test';
import type { ScheduleRow } from '#api/methods';
import type { Snapshot } from '#api/snapshot';
import { formatDate, formatUsd } from '../src-renderer/src/format';
import { rpc, startServer } from './fixtures/serve';

// A prepayment recorded in the dashboard: the principal balance, the schedule, the next
// payment and the report all tell the same story, and so they do again once the payment
// is removed.

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

test('a prepayment recorded in the UI: principal, schedule, next payment and report agree', async ({
  page,
}) => {
  const server = await startServer({});
  try {
    const today = isoDay(Date.now());
    const start = isoDay(Date.parse(`${today}T00:00:00Z`) - 31 * DAY_MS);
    await rpc(server, 'prices.setManual', { asset: 'BTC', usd: '100000' });
    // $365,000 at 10 % ACT/365, bullet: 31 days have accrued $3,100.00 by today.
    const created = await rpc(server, 'loans.create', {
      lender: 'Harbor',
      principal: '365000',
      aprPct: '10',
      dayCount: 365,
      startDate: start,
      termMonths: 6,
      repayment: 'bullet',
      collateral: [{ asset: 'BTC', amount: '10' }],
      marginCallLtvPct: '70',
      liquidationLtvPct: '80',
    });
    expect(created.status).toBe(200);
    const loanId = (created.body as { id: string }).id;

    await page.goto(server.url);
    await page.getByRole('link', { name: 'Loans' }).click();
    await page.getByRole('button', { name: 'Add payment to Harbor' }).click();
    // $103,100 today: the $3,100 of interest, then $100,000 of principal.
    await page.getByLabel('Amount').fill('103100');
    await page.getByRole('button', { name: 'Add payment' }).click();
    await expect(page.getByRole('dialog')).toBeHidden();

    const view = async () => {
      const snapshot = (await rpc(server, 'snapshot.get', {})).body as Snapshot;
      return snapshot.loans.find((l) => l.id === loanId)!;
    };
    const agree = async (principal: string) => {
      const loan = await view();
      expect(loan.principalBalance).toBe(principal);
      const next = loan.nextPayment!;
      const schedule = (await rpc(server, 'loans.schedule', { id: loanId })).body as ScheduleRow[];
      const last = schedule.at(-1)!;
      expect(last.payment).toBe(next.amount);
      expect(last.principal).toBe(principal);

      await page.getByRole('button', { name: 'Payments and schedule of Harbor' }).click();
      const details = page.getByRole('dialog', { name: 'Loan from Harbor' });
      await expect(details.getByTestId('loan-details-summary')).toContainText(
        `Principal balance ${formatUsd(principal)}`,
      );
      await expect(details.getByTestId('loan-details-summary')).toContainText(
        `next payment ${formatUsd(next.amount)} due ${formatDate(next.date)}`,
      );
      const row = details.getByTestId(`schedule-${last.date}`);
      await expect(row).toContainText(formatUsd(next.amount));
      await expect(row).toContainText(formatUsd(principal));

      const report = (await rpc(server, 'report.html', { asOf: today })).body as { html: string };
      expect(report.html).toContain(formatUsd(principal));
      expect(report.html).toContain(`${formatUsd(next.amount)} due ${next.date}`);
      return details;
    };

    const details = await agree('265000');
    await expect(details.getByRole('table', { name: 'Payments' })).toContainText('$103,100.00');

    // Corrected to $53,100: $50,000 of principal instead of $100,000.
    await details.getByRole('button', { name: `Edit payment of ${today}` }).click();
    await page
      .getByRole('dialog', { name: `Correct the payment of ${today}` })
      .getByLabel('Amount')
      .fill('53100');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(details.getByRole('table', { name: 'Payments' })).toContainText('$53,100.00');
    await details.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await agree('315000');

    // Removing the payment brings the original loan back, everywhere at once.
    await details.getByRole('button', { name: `Remove payment of ${today}` }).click();
    await page.getByRole('button', { name: 'Remove' }).last().click();
    await expect(details.getByText('No payments recorded.')).toBeVisible();
    await details.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await agree('365000');
  } finally {
    await server.stop();
  }
});
