import type { ReactNode } from 'react';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { LoanView } from '#api/snapshot';
import type { Column } from '../../components/DataTable';
import { Figure } from '../../components/Figure';
import { StatusChip } from '../../components/StatusChip';
import { byDecimal, byText } from '../../components/sorting';
import { formatCoin, formatDate, formatFactor, formatPct, formatUsd } from '../../format';

const NO_PRICE = 'No price for the collateral asset yet.';
const HEALTH_ORDER = ['liquidation', 'margin-call', 'watch', 'unknown', 'healthy'];

function Sub({ children }: { children: ReactNode }) {
  return (
    <Typography variant="caption" color="text.secondary" component="div">
      {children}
    </Typography>
  );
}

function Cure({ loan }: { loan: LoanView }) {
  if (!loan.cure) return <Figure text="—" missing="No cure needed: below the margin-call LTV." />;
  return (
    <Stack>
      <span>add {formatCoin(loan.cure.addCollateral, loan.collateralAsset)}</span>
      <Sub>or repay {formatUsd(loan.cure.repay)}</Sub>
    </Stack>
  );
}

export const loanColumns: Column<LoanView>[] = [
  {
    key: 'lender',
    label: 'Lender',
    wrapAt: 150,
    compare: byText((l) => l.lender),
    render: (l) => (
      <>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {l.lender}
        </Typography>
        <Sub>
          {formatUsd(l.principal)} {l.currency} at {formatPct(l.aprPct)} APR, {l.repayment}
        </Sub>
      </>
    ),
  },
  {
    key: 'outstanding',
    label: 'Outstanding',
    align: 'right',
    compare: byDecimal((l) => l.outstanding),
    render: (l) => (
      <>
        {formatUsd(l.outstanding)}
        <Sub>+{formatUsd(l.accruedInterest)} interest</Sub>
      </>
    ),
  },
  {
    key: 'collateral',
    label: 'Collateral',
    align: 'right',
    compare: byDecimal((l) => l.collateralValueUsd),
    render: (l) => (
      <>
        {formatCoin(l.collateralAmount, l.collateralAsset)}
        <Sub>
          <Figure text={formatUsd(l.collateralValueUsd)} missing={NO_PRICE} />
        </Sub>
      </>
    ),
  },
  {
    key: 'ltv',
    label: 'LTV',
    align: 'right',
    compare: byDecimal((l) => l.ltvPct),
    render: (l) => <Figure text={formatPct(l.ltvPct)} missing={NO_PRICE} />,
  },
  {
    key: 'marginCall',
    label: 'Margin\u2011call price',
    align: 'right',
    compare: byDecimal((l) => l.marginCallPrice),
    render: (l) => (
      <>
        <Figure
          text={formatUsd(l.marginCallPrice)}
          missing="No outstanding debt or no collateral."
        />
        <Sub>at {formatPct(l.marginCallLtvPct)} LTV</Sub>
      </>
    ),
  },
  {
    key: 'liquidation',
    label: 'Liquidation price',
    align: 'right',
    compare: byDecimal((l) => l.liquidationPrice),
    render: (l) => (
      <>
        <Figure
          text={formatUsd(l.liquidationPrice)}
          missing="No outstanding debt or no collateral."
        />
        <Sub>at {formatPct(l.liquidationLtvPct)} LTV</Sub>
      </>
    ),
  },
  {
    key: 'health',
    label: 'Health',
    compare: (a, b) =>
      HEALTH_ORDER.indexOf(a.health) - HEALTH_ORDER.indexOf(b.health) ||
      byDecimal<LoanView>((l) => l.healthFactor)(a, b),
    render: (l) => (
      <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
        <StatusChip status={l.health} priceStale={l.priceStale} />
        {l.priceStale && <StatusChip status="stale" label="Stale or disputed price" />}
        <Sub>
          health factor <Figure text={formatFactor(l.healthFactor)} missing={NO_PRICE} />
        </Sub>
      </Stack>
    ),
  },
  { key: 'cure', label: 'Cure', render: (l) => <Cure loan={l} /> },
  {
    key: 'nextPayment',
    label: 'Next payment',
    compare: byText((l) => l.nextPayment?.date),
    render: (l) =>
      l.nextPayment ? (
        <>
          {formatUsd(l.nextPayment.amount)}
          <Sub>due {formatDate(l.nextPayment.date)}</Sub>
        </>
      ) : (
        <Figure text="—" missing="Nothing scheduled before the end of the term." />
      ),
  },
];
