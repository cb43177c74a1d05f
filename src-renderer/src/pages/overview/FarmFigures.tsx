import type { FarmFigures as Farm } from '#api/snapshot';
import { decimalSign } from '#shared/decimal-text';
import {
  formatFactor,
  formatHashprice,
  formatUsd,
  formatUsdPerDay,
  formatWatts,
} from '../../format';
import { StatCard } from './StatCard';

const NO_REVENUE = 'Needs a coin price and network difficulty for every mining coin.';

function profitTone(profit: string | null) {
  if (profit === null) return undefined;
  return decimalSign(profit) < 0 ? 'error' : 'success';
}

/** The farm's headline figures; the Review page shows them as of its date. */
export function FarmFigures({
  farm,
  collateralNote = 'at current prices',
}: {
  farm: Farm;
  collateralNote?: string;
}) {
  return (
    <div className="grid-figures">
      <StatCard
        label="Revenue"
        text={formatUsdPerDay(farm.revenueUsdPerDay)}
        missing={NO_REVENUE}
        testId="farm-revenue"
        footnote={
          farm.revenueLostUsdPerDay !== null && decimalSign(farm.revenueLostUsdPerDay) > 0
            ? `after pool fees; ${formatUsdPerDay(farm.revenueLostUsdPerDay)} lost to offline rigs`
            : 'after pool fees'
        }
      />
      <StatCard
        label="Power cost"
        text={formatUsdPerDay(farm.powerCostUsdPerDay)}
        testId="farm-power-cost"
        footnote={`drawing ${formatWatts(farm.powerWatts)}`}
      />
      <StatCard
        label="Profit"
        text={formatUsdPerDay(farm.profitUsdPerDay)}
        missing={NO_REVENUE}
        testId="farm-profit"
        tone={profitTone(farm.profitUsdPerDay)}
        footnote="revenue minus power"
      />
      <StatCard
        label="BTC hashprice"
        text={formatHashprice(farm.btcHashpriceUsdPerPhDay)}
        missing="Needs the BTC price and network difficulty."
        testId="farm-hashprice"
        footnote="USD per PH/s per day"
      />
      <StatCard
        label="Debt"
        text={formatUsd(farm.debtUsd)}
        testId="farm-debt"
        footnote="outstanding on all loans"
      />
      <StatCard
        label="Collateral"
        text={formatUsd(farm.collateralUsd)}
        missing="Needs a price for every collateral asset."
        testId="farm-collateral"
        footnote={collateralNote}
      />
      <StatCard
        label="Worst health factor"
        text={formatFactor(farm.worstHealthFactor)}
        missing="No loan with a priced collateral."
        testId="farm-worst-health"
        footnote="liquidation LTV ÷ LTV; below 1.00 liquidates"
      />
    </div>
  );
}
