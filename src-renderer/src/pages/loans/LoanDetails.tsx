import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { ScheduleRow } from '#api/methods';
import { paymentAgainstLoanSchema } from '#api/loan-payment-checks';
import type { LoanPayment } from '#api/records';
import type { LoanView } from '#api/snapshot';
import { formatCollateral, formatDayCount } from '#shared/loan-text';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RowActions } from '../../components/RowActions';
import { RecordForm } from '../../forms/RecordForm';
import { formatDate, formatUsd } from '../../format';
import { useCall } from '../../state/use-call';
import { paymentFields } from './loan-fields';

// One loan in full: its balance, the schedule the service computes, and the payments
// recorded so far, each of which can be corrected or removed.

function rowState(row: ScheduleRow): string {
  if (row.paid) return 'paid';
  return row.projected ? 'planned' : `due ${formatUsd(row.due)}`;
}

export function LoanDetails({
  loan,
  onClose,
  refresh,
}: {
  loan: LoanView;
  onClose(): void;
  refresh(): Promise<unknown>;
}) {
  const call = useCall();
  const [schedule, setSchedule] = useState<ScheduleRow[] | null>(null);
  const [editing, setEditing] = useState<LoanPayment | null>(null);
  const [removing, setRemoving] = useState<LoanPayment | null>(null);

  // The schedule follows the loan: fetched again whenever its figures change.
  useEffect(() => {
    let live = true;
    call('loans.schedule', { id: loan.id }).then(
      (rows) => live && setSchedule(rows),
      () => live && setSchedule([]),
    );
    return () => {
      live = false;
    };
  }, [call, loan.id, loan.outstanding, loan.payments]);

  const interest =
    loan.repayment === 'amortizing'
      ? 'interest monthly at APR/12 (30/360)'
      : `interest daily, ${formatDayCount(loan.dayCount)}`;
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="loan-details-title">
      <DialogTitle id="loan-details-title">Loan from {loan.lender}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" data-testid="loan-details-summary">
          Principal balance {formatUsd(loan.principalBalance)} · accrued interest{' '}
          {formatUsd(loan.accruedInterest)} · next payment{' '}
          {loan.nextPayment
            ? `${formatUsd(loan.nextPayment.amount)} due ${formatDate(loan.nextPayment.date)}`
            : 'none'}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="div">
          {interest}; collateral {formatCollateral(loan.collateral)}; matures{' '}
          {formatDate(loan.maturityDate)}
        </Typography>

        <Typography variant="h6" component="h3" sx={{ mt: 2 }}>
          Payments
        </Typography>
        {loan.payments.length === 0 ? (
          <Typography color="text.secondary">No payments recorded.</Typography>
        ) : (
          <Table size="small" aria-label="Payments">
            <TableHead>
              <TableRow>
                <TableCell>Date</TableCell>
                <TableCell align="right">Amount</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {loan.payments.map((p) => (
                <TableRow key={p.id} data-testid={`payment-${p.id}`}>
                  <TableCell>{formatDate(p.date)}</TableCell>
                  <TableCell align="right">{formatUsd(p.amount)}</TableCell>
                  <TableCell align="right">
                    <RowActions
                      name={`payment of ${p.date}`}
                      onEdit={() => setEditing(p)}
                      onRemove={() => setRemoving(p)}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}

        <Typography variant="h6" component="h3" sx={{ mt: 2 }}>
          Schedule
        </Typography>
        <Table size="small" aria-label="Schedule">
          <TableHead>
            <TableRow>
              <TableCell>Due</TableCell>
              <TableCell align="right">Payment</TableCell>
              <TableCell align="right">Interest</TableCell>
              <TableCell align="right">Principal</TableCell>
              <TableCell align="right">Balance after</TableCell>
              <TableCell>State</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(schedule ?? []).map((row) => (
              <TableRow key={row.date} data-testid={`schedule-${row.date}`}>
                <TableCell>{formatDate(row.date)}</TableCell>
                <TableCell align="right">{formatUsd(row.payment)}</TableCell>
                <TableCell align="right">{formatUsd(row.interest)}</TableCell>
                <TableCell align="right">{formatUsd(row.principal)}</TableCell>
                <TableCell align="right">{formatUsd(row.balance)}</TableCell>
                <TableCell>{rowState(row)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>

      {editing && (
        <RecordForm
          title={`Correct the payment of ${editing.date}`}
          schema={paymentAgainstLoanSchema({ ...loan, replacing: editing.amount })}
          fields={paymentFields}
          initial={{ date: editing.date, amount: editing.amount }}
          onClose={() => setEditing(null)}
          onSubmit={async (payment) => {
            await call('loans.updatePayment', { id: loan.id, paymentId: editing.id, ...payment });
            await refresh();
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          open
          title={`Remove the payment of ${removing.date}?`}
          message={`The ${formatUsd(removing.amount)} paid on ${removing.date} is taken off the loan; the balance and schedule are recomputed.`}
          confirmLabel="Remove"
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await call('loans.removePayment', { id: loan.id, paymentId: removing.id });
            await refresh();
          }}
        />
      )}
    </Dialog>
  );
}
