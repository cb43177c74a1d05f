import Button from '@mui/material/Button';
import AddIcon from '@mui/icons-material/Add';
import PaymentsIcon from '@mui/icons-material/PaymentsOutlined';
import ListIcon from '@mui/icons-material/ReceiptLongOutlined';
import Typography from '@mui/material/Typography';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { useMemo, useState } from 'react';
import { loanPaymentSchema } from '#api/records';
import { formatCollateral } from '#shared/loan-text';
import type { LoanView } from '#api/snapshot';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable, type Column } from '../../components/DataTable';
import { SnapshotPending } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { RowActions } from '../../components/RowActions';
import { todayInput, toPatch } from '../../forms/form-values';
import { RecordForm } from '../../forms/RecordForm';
import { formatUsd } from '../../format';
import { useCall } from '../../state/use-call';
import { useRecordEditor } from '../../state/use-record-editor';
import { useSnapshot, useSnapshotState } from '../../state/snapshot-context';
import { loanColumns } from './loan-columns';
import { LoanDetails } from './LoanDetails';
import {
  PRESET_TERMS_NOTE,
  loanFieldsFor,
  loanFormSchema,
  loanFormValues,
  newLoanValues,
  paymentFields,
} from './loan-fields';

const newPaymentSchema = loanPaymentSchema.omit({ id: true });

export function LoansPage() {
  const snapshot = useSnapshot();
  const { refresh } = useSnapshotState();
  const call = useCall();
  const { editing, removing, actions } = useRecordEditor<LoanView>();
  const [paying, setPaying] = useState<LoanView | null>(null);
  const [detailsId, setDetailsId] = useState<string | null>(null);

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
              <>
                <Tooltip title="Payments and schedule">
                  <IconButton
                    size="small"
                    onClick={() => setDetailsId(loan.id)}
                    aria-label={`Payments and schedule of ${loan.lender}`}
                  >
                    <ListIcon fontSize="small" />
                  </IconButton>
                </Tooltip>
                <Tooltip title="Add payment">
                  <IconButton
                    size="small"
                    onClick={() => setPaying(loan)}
                    aria-label={`Add payment to ${loan.lender}`}
                  >
                    <PaymentsIcon fontSize="small" />
                  </IconButton>
                </Tooltip>
              </>
            }
          />
        ),
      },
    ],
    [actions],
  );

  if (!snapshot) return <SnapshotPending />;
  const details = snapshot.loans.find((l) => l.id === detailsId) ?? null;
  const editedLoan = editing.mode === 'edit' ? editing.record : null;
  const formFields = loanFieldsFor(editedLoan);
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
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {PRESET_TERMS_NOTE}
      </Typography>
      <DataTable
        rows={snapshot.loans}
        columns={columns}
        rowKey={(loan) => loan.id}
        rowTestId={(loan) => `loan-row-${loan.id}`}
        filterText={(loan) =>
          `${loan.lender} ${formatCollateral(loan.collateral)} ${loan.health} ${loan.repayment}`
        }
        filterLabel="Filter loans"
        ariaLabel="Loans"
        emptyText="No loans yet. Record one with “Add loan”."
      />
      {editing.mode !== 'closed' && (
        <RecordForm
          title={editing.mode === 'add' ? 'Add loan' : `Edit loan from ${editing.record.lender}`}
          schema={loanFormSchema}
          fields={formFields}
          initial={editedLoan ? loanFormValues(editedLoan) : newLoanValues()}
          onClose={actions.close}
          onSubmit={async (loan) => {
            if (editing.mode === 'add') {
              await call('loans.create', loan);
            } else {
              // Payments are kept as they are; the form only edits the terms (and a
              // several-asset collateral list stays as it is).
              const { payments: _payments, collateral, ...terms } = loan;
              const patch = editing.record.collateral.length > 1 ? terms : { ...terms, collateral };
              await call('loans.update', {
                id: editing.record.id,
                patch: toPatch(formFields, patch),
              });
            }
            await refresh();
          }}
        />
      )}
      {paying && (
        <RecordForm
          title={`Add payment to ${paying.lender}`}
          schema={newPaymentSchema}
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
      {details && (
        <LoanDetails loan={details} onClose={() => setDetailsId(null)} refresh={refresh} />
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
