import Button from '@mui/material/Button';
import AddIcon from '@mui/icons-material/Add';
import PaymentsIcon from '@mui/icons-material/PaymentsOutlined';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { useMemo, useState } from 'react';
import { loanInputSchema, loanPaymentSchema } from '#api/records';
import type { LoanView } from '#api/snapshot';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable, type Column } from '../../components/DataTable';
import { SnapshotPending } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { RowActions } from '../../components/RowActions';
import { toFormValues, todayInput, toPatch } from '../../forms/form-values';
import { RecordForm } from '../../forms/RecordForm';
import { formatUsd } from '../../format';
import { useCall } from '../../state/use-call';
import { useRecordEditor } from '../../state/use-record-editor';
import { useSnapshot, useSnapshotState } from '../../state/snapshot-context';
import { loanColumns } from './loan-columns';
import { loanFields, newLoanValues, paymentFields } from './loan-fields';

export function LoansPage() {
  const snapshot = useSnapshot();
  const { refresh } = useSnapshotState();
  const call = useCall();
  const { editing, removing, actions } = useRecordEditor<LoanView>();
  const [paying, setPaying] = useState<LoanView | null>(null);

  const columns = useMemo<Column<LoanView>[]>(
    () => [
      ...loanColumns,
      {
        key: 'actions',
        label: 'Actions',
        align: 'right',
        sticky: true,
        cellLabel: 'Actions',
        render: (loan) => (
          <RowActions
            name={loan.lender}
            onEdit={() => actions.edit(loan)}
            onRemove={() => actions.askRemove(loan)}
            extra={
              <Tooltip title="Add payment">
                <IconButton
                  size="small"
                  onClick={() => setPaying(loan)}
                  aria-label={`Add payment to ${loan.lender}`}
                >
                  <PaymentsIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            }
          />
        ),
      },
    ],
    [actions],
  );

  if (!snapshot) return <SnapshotPending />;
  return (
    <>
      <PageHeader
        title="Loans"
        actions={
          <Button variant="contained" startIcon={<AddIcon />} onClick={actions.add}>
            Add loan
          </Button>
        }
      />
      <DataTable
        rows={snapshot.loans}
        columns={columns}
        rowKey={(loan) => loan.id}
        rowTestId={(loan) => `loan-row-${loan.id}`}
        filterText={(loan) =>
          `${loan.lender} ${loan.collateralAsset} ${loan.health} ${loan.repayment}`
        }
        filterLabel="Filter loans"
        ariaLabel="Loans"
        emptyText="No loans yet. Record one with “Add loan”."
      />
      {editing.mode !== 'closed' && (
        <RecordForm
          title={editing.mode === 'add' ? 'Add loan' : `Edit loan from ${editing.record.lender}`}
          schema={loanInputSchema}
          fields={loanFields}
          initial={
            editing.mode === 'add' ? newLoanValues() : toFormValues(loanFields, editing.record)
          }
          onClose={actions.close}
          onSubmit={async (loan) => {
            if (editing.mode === 'add') {
              await call('loans.create', loan);
            } else {
              // Payments are kept as they are; the form only edits the terms.
              const { payments: _payments, ...patch } = loan;
              await call('loans.update', {
                id: editing.record.id,
                patch: toPatch(loanFields, patch),
              });
            }
            await refresh();
          }}
        />
      )}
      {paying && (
        <RecordForm
          title={`Add payment to ${paying.lender}`}
          schema={loanPaymentSchema}
          fields={paymentFields}
          initial={{ date: todayInput(), amount: paying.nextPayment?.amount ?? '' }}
          submitLabel="Add payment"
          onClose={() => setPaying(null)}
          onSubmit={async (payment) => {
            await call('loans.addPayment', { id: paying.id, ...payment });
            await refresh();
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          open
          title={`Remove the loan from ${removing.lender}?`}
          message={`This deletes the loan of ${formatUsd(removing.principal)} and its ${removing.payments.length} recorded payments.`}
          confirmLabel="Remove"
          onClose={actions.cancelRemove}
          onConfirm={async () => {
            await call('loans.remove', { id: removing.id });
            await refresh();
          }}
        />
      )}
    </>
  );
}
