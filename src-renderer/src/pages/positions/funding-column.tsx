import Typography from '@mui/material/Typography';
import type { PositionView } from '#api/snapshot';
import type { Column } from '../../components/DataTable';
import { Figure } from '../../components/Figure';
import { byDecimal } from '../../components/sorting';
import { formatDateTime, formatNumber, formatSignedPct, formatUsd } from '../../format';

// The funding column of the positions table: the exchange's rate for the coming
// settlement, when that is, and what it comes to per day at today's mark (positive =
// received). A missing figure says why (docs/formulas-positions.md "Funding").

function signColor(value: string | null) {
  if (value === null || value === '0') return undefined;
  return value.startsWith('-') ? 'error' : 'success';
}

function noFunding(p: PositionView, offline: boolean): string {
  const why = p.fundingNote ?? 'No funding estimate.';
  return offline && p.fundingRatePct === null
    ? `${why} Offline mode asks no exchange for funding rates.`
    : why;
}

/** The history of payments opens from the row's "Funding history" action. */
export function fundingColumn(offline: boolean): Column<PositionView> {
  return {
    key: 'funding',
    label: 'Funding / day',
    align: 'right',
    // Folds into the row's details first when the table is too wide, its long source
    // line wrapping meanwhile; the history stays one row action away.
    priority: 4,
    wrapAt: 160,
    compare: byDecimal((p) => p.fundingPerDayUsd),
    render: (p) => (
      <>
        <Figure
          text={formatUsd(p.fundingPerDayUsd)}
          missing={noFunding(p, offline)}
          tone={signColor(p.fundingPerDayUsd)}
          testId={`funding-day-${p.id}`}
        />
        <Typography variant="caption" color="text.secondary" component="div">
          rate{' '}
          <Figure
            text={formatSignedPct(p.fundingRatePct, 4)}
            missing={noFunding(p, offline)}
            testId={`funding-rate-${p.id}`}
          />
          {p.fundingIntervalHours !== null && ` / ${formatNumber(p.fundingIntervalHours)} h`}
        </Typography>
        {p.nextFundingAt !== null && (
          <Typography variant="caption" color="text.secondary" component="div">
            next {formatDateTime(p.nextFundingAt)}
          </Typography>
        )}
        {p.fundingPerMonthUsd !== null && (
          <Typography variant="caption" color="text.secondary" component="div">
            {formatUsd(p.fundingPerMonthUsd)} a month
          </Typography>
        )}
        {p.fundingSource !== null && (
          <Typography variant="caption" color="text.secondary" component="div">
            {p.fundingSource}
            {p.fundingAt !== null && `, ${formatDateTime(p.fundingAt)}`}
          </Typography>
        )}
        {p.fundingNote !== null && p.fundingRatePct !== null && (
          <Typography variant="caption" color="warning.main" component="div">
            {p.fundingNote}
          </Typography>
        )}
      </>
    ),
  };
}
