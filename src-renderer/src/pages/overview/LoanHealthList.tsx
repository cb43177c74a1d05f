import type { LoanView } from '#api/snapshot';
import { Figure } from '../../components/Figure';
import { StatusChip, toneOf } from '../../components/StatusChip';
import { ThresholdBar } from '../../components/ThresholdBar';
import { formatFactor, formatPct, formatUsd, toBarPercent } from '../../format';
import { formatCollateral } from '#shared/loan-text';

// Collateral health per loan: LTV on a bar that ends at the liquidation LTV, with the
// margin-call line marked.

const NO_PRICE = 'No price for the collateral asset yet.';

function LoanHealth({ loan }: { loan: LoanView }) {
  const tone = toneOf(loan.health);
  if (loan.health === 'unsecured') {
    return (
      <div className="stack" data-testid={`loan-health-${loan.id}`} style={{ padding: '8px 0' }}>
        <div className="row">
          <p className="text-body1 text-strong grow">
            {loan.lender} · {formatUsd(loan.outstanding)} unsecured
          </p>
          <StatusChip status={loan.health} />
        </div>
        <p className="text-body2 text-secondary">
          No collateral: it counts as debt and its payments are watched, but it has no LTV, health
          factor or cure.
        </p>
      </div>
    );
  }
  return (
    <div className="stack" data-testid={`loan-health-${loan.id}`} style={{ padding: '8px 0' }}>
      <div className="row">
        <p className="text-body1 text-strong grow">
          {loan.lender} · {formatUsd(loan.outstanding)} on {formatCollateral(loan.collateral)}
        </p>
        {loan.priceStale && <StatusChip status="stale" label="Stale or disputed price" />}
        <StatusChip status={loan.health} priceStale={loan.priceStale} />
      </div>
      <ThresholdBar
        value={toBarPercent(loan.ltvPct, loan.liquidationLtvPct)}
        color={tone === 'default' ? 'inherit' : tone}
        label={`${loan.lender} LTV against its liquidation LTV`}
        ticks={[
          {
            at: toBarPercent(loan.marginCallLtvPct, loan.liquidationLtvPct),
            label: `Margin call at ${formatPct(loan.marginCallLtvPct)} LTV`,
            tone: 'warning',
          },
        ]}
      />
      <div className="text-body2 text-secondary">
        LTV <Figure text={formatPct(loan.ltvPct)} missing={NO_PRICE} /> · margin call{' '}
        {formatPct(loan.marginCallLtvPct)} at{' '}
        <Figure text={formatUsd(loan.marginCallPrice)} missing={NO_PRICE} /> · liquidation{' '}
        {formatPct(loan.liquidationLtvPct)} at{' '}
        <Figure text={formatUsd(loan.liquidationPrice)} missing={NO_PRICE} /> · health factor{' '}
        <Figure text={formatFactor(loan.healthFactor)} missing={NO_PRICE} />
      </div>
    </div>
  );
}

export function LoanHealthList({ loans }: { loans: readonly LoanView[] }) {
  return (
    <div className="card card-full">
      <div className="card-content">
        <h2 className="text-h6">Collateral health</h2>
        {loans.length === 0 ? (
          <p className="text-body1 text-secondary">No loans recorded.</p>
        ) : (
          loans.map((loan) => <LoanHealth key={loan.id} loan={loan} />)
        )}
      </div>
    </div>
  );
}
