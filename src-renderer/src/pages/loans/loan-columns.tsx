import type { ReactNode } from 'react';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { LoanView } from '#api/snapshot';
import type { Column } from '../../components/DataTable';
import { Figure } from '../../components/Figure';
import { OddsFigure } from '../../components/OddsFigure';
import { StatusChip } from '../../components/StatusChip';
import { byDecimal, byText } from '../../components/sorting';
import { formatCollateral } from '#shared/loan-text';
import { formatCoin, formatDate, formatFactor, formatPct, formatUsd } from '../../format';

const NO_PRICE = 'No price for the collateral asset yet.';
const UNSECURED = 'Unsecured: no collateral, so no LTV, health factor or cure.';
const HEALTH_ORDER = ['liquidation', 'margin-call', 'watch', 'unknown', 'healthy', 'unsecured'];

function missingText(l: LoanView, otherwise = NO_PRICE): string {
  return l.health === 'unsecured' ? UNSECURED : otherwise;
}

function Sub({ children }: { children: ReactNode }) {
  return (
    <Typography variant="caption" color="text.secondary" component="div">
      {children}
    </Typography>
  );
}

function Cure({ loan }: { loan: LoanView }) {
  if (!loan.cure)
    return (
      <Figure text="—" missing={missingText(loan, 'No cure needed: below the margin-call LTV.')} />
    );
  return (
    <Stack>
      <span>add {formatCoin(loan.cure.addCollateral, loan.cure.asset)}</span>
      <Sub>or repay {formatUsd(loan.cure.repay)}</Sub>
    </Stack>
  );
}

function triggerMissing(l: LoanView): string {
  if (l.health === 'unsecured') return UNSECURED;
  if (l.collateral.length > 0 && l.triggerAsset === null && l.collateralValueUsd !== null)
    return 'Dollar-valued collateral has no trigger price; try a depeg in the stress test.';
  return 'No outstanding debt, no price, or the other collateral covers this band.';
}

function LoanOdds({ loan }: { loan: LoanView }) {
  const odds = loan.odds;
  if (odds === null) return <Figure text="—" missing={triggerMissing(loan)} />;
  const horizon = (key: 'marginCallPct' | 'liquidationPct') => ({
    volatilityPct: odds.volatilityPct,
    volatilitySource: odds.volatilitySource,
    days1: odds.days1[key],
    days7: odds.days7[key],
    days30: odds.days30[key],
  });
  return (
    <>
      <OddsFigure label="margin call" odds={horizon('marginCallPct')} testId="loan-odds" />
      <OddsFigure label="liquidation" odds={horizon('liquidationPct')} secondary />
    </>
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
    priority: 2,
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
    priority: 3,
    label: 'Collateral',
    align: 'right',
    compare: byDecimal((l) => l.collateralValueUsd),
    render: (l) => (
      <>
        {formatCollateral(l.collateral)}
        <Sub>
          <Figure text={formatUsd(l.collateralValueUsd)} missing={missingText(l)} />
        </Sub>
      </>
    ),
  },
  {
    key: 'ltv',
    label: 'LTV',
    align: 'right',
    compare: byDecimal((l) => l.ltvPct),
    render: (l) => <Figure text={formatPct(l.ltvPct)} missing={missingText(l)} />,
  },
  {
    key: 'marginCall',
    priority: 3,
    label: 'Margin\u2011call price',
    align: 'right',
    compare: byDecimal((l) => l.marginCallPrice),
    render: (l) => (
      <>
        <Figure text={formatUsd(l.marginCallPrice)} missing={triggerMissing(l)} />
        <Sub>
          {l.triggerAsset ? `${l.triggerAsset} ` : ''}at {formatPct(l.marginCallLtvPct)} LTV
        </Sub>
      </>
    ),
  },
  {
    key: 'liquidation',
    priority: 2,
    label: 'Liquidation price',
    align: 'right',
    compare: byDecimal((l) => l.liquidationPrice),
    render: (l) => (
      <>
        <Figure text={formatUsd(l.liquidationPrice)} missing={triggerMissing(l)} />
        <Sub>
          {l.triggerAsset ? `${l.triggerAsset} ` : ''}at {formatPct(l.liquidationLtvPct)} LTV
        </Sub>
      </>
    ),
  },
  {
    key: 'odds',
    label: 'Odds in 7 days',
    // Among the last to fold, but it can: on a phone it goes to the row's details rather
    // than push the table sideways.
    priority: 2,
    align: 'right',
    compare: byDecimal((l) => l.odds?.days7.marginCallPct ?? null),
    render: (l) => <LoanOdds loan={l} />,
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
          health factor <Figure text={formatFactor(l.healthFactor)} missing={missingText(l)} />
        </Sub>
      </Stack>
    ),
  },
  { key: 'cure', label: 'Cure', priority: 4, render: (l) => <Cure loan={l} /> },
  {
    key: 'nextPayment',
    priority: 4,
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
