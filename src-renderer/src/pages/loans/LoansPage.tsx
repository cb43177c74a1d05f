import Typography from '@mui/material/Typography';
import { useCallback, useMemo, useState } from 'react';
import { paymentAgainstLoanSchema } from '#api/loan-payment-checks';
import { formatCollateral } from '#shared/loan-text';
import type { ParamsOf } from '#api/methods';
import { loanFields } from '#api/records';
import { recordInput } from '../../records/record-input';
import type { LoanView } from '#api/snapshot';
import { SnapshotPending } from '../../components/Loading';
import { ICONS } from '../../components/plain-icon';
import type { RowAction } from '../../components/RowActions';
import { todayInput, toPatch } from '../../forms/form-values';
import { RecordForm } from '../../forms/RecordForm';
import { formatUsd } from '../../format';
import type { CardSpec } from '../../records/RecordCards';
import { RecordPage, type RecordFormSpec, type RecordRemoval } from '../../records/RecordPage';
import { useCall } from '../../state/use-call';
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

const describe = (loan: LoanView) => loan.lender;
const rowKey = (loan: LoanView) => loan.id;
const rowTestId = (loan: LoanView) => `loan-row-${loan.id}`;
// On a phone: the lender, the loan's health and its LTV.
const card: CardSpec<LoanView> = { title: 'lender', status: 'health', figures: ['ltv'] };
const filterText = (loan: LoanView) =>
  `${loan.lender} ${formatCollateral(loan.collateral)} ${loan.health} ${loan.repayment}`;

export function LoansPage() {
  const snapshot = useSnapshot();
  const { refresh } = useSnapshotState();
  const call = useCall();
  const [payingId, setPayingId] = useState<string | null>(null);
  const [detailsId, setDetailsId] = useState<string | null>(null);

  const rowExtras = useCallback(
    (loan: LoanView): RowAction[] => [
      {
        label: 'Payments and schedule',
        name: `Payments and schedule of ${loan.lender}`,
        icon: ICONS.receipt,
        onClick: () => setDetailsId(loan.id),
      },
      {
        label: 'Add payment',
        name: `Add payment to ${loan.lender}`,
        icon: ICONS.payments,
        onClick: () => setPayingId(loan.id),
      },
    ],
    [],
  );
  const form = useMemo(
    (): RecordFormSpec<LoanView, typeof loanFormSchema> => ({
      schema: loanFormSchema,
      fields: loanFieldsFor,
      initial: (loan) => (loan ? loanFormValues(loan) : newLoanValues()),
      title: (loan) => (loan ? `Edit loan from ${loan.lender}` : 'Add loan'),
      save: async (input, loan, fields) => {
        if (!loan) {
          await call('loans.create', input);
          return;
        }
        // Payments are kept as they are; the form only edits the terms (and a
        // several-asset collateral list stays as it is).
        const { payments: _payments, collateral, ...terms } = input;
        const patch = loan.collateral.length > 1 ? terms : { ...terms, collateral };
        await call('loans.update', { id: loan.id, patch: toPatch(fields, patch) });
      },
    }),
    [call],
  );
  const removal = useMemo(
    (): RecordRemoval<LoanView> => ({
      title: (loan) => `Remove the loan from ${loan.lender}?`,
      message: (loan) =>
        `This deletes the loan of ${formatUsd(loan.principal)} and its ${loan.payments.length} recorded payments.`,
      remove: (loan) => call('loans.remove', { id: loan.id }),
      undo: (loan) =>
        call('loans.create', recordInput(loanFields.shape, loan) as ParamsOf<'loans.create'>),
    }),
    [call],
  );

  if (!snapshot) return <SnapshotPending />;
  const details = snapshot.loans.find((l) => l.id === detailsId) ?? null;
  const paying = snapshot.loans.find((l) => l.id === payingId) ?? null;
  return (
    <RecordPage
      title="Loans"
      addLabel="Add loan"
      rows={snapshot.loans}
      columns={loanColumns}
      rowKey={rowKey}
      describe={describe}
      rowTestId={rowTestId}
      filterText={filterText}
      emptyText="No loans yet. Record one with “Add loan”."
      rowExtras={rowExtras}
      card={card}
      form={form}
      removal={removal}
      intro={
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {PRESET_TERMS_NOTE}
        </Typography>
      }
    >
      {paying && (
        <RecordForm
          title={`Add payment to ${paying.lender}`}
          schema={paymentAgainstLoanSchema(paying)}
          fields={paymentFields}
          initial={{ date: todayInput(), amount: paying.nextPayment?.amount ?? '' }}
          submitLabel="Add payment"
          onClose={() => setPayingId(null)}
          onSubmit={async (payment) => {
            await call('loans.addPayment', { id: paying.id, ...payment });
            await refresh();
          }}
        />
      )}
      {details && (
        <LoanDetails loan={details} onClose={() => setDetailsId(null)} refresh={refresh} />
      )}
    </RecordPage>
  );
}
