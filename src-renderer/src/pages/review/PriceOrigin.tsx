import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { PriceEntry } from '#api/snapshot';
import { formatDateTime } from '../../format';

// Where a price in the review came from. A past date is priced from the recorded
// history; without a record the service falls back to today's price and says so in the
// source text, which a lender needs to see next to the figure it moved.

export function PriceOrigin({ entry }: { entry: PriceEntry | undefined }) {
  if (!entry || entry.fromHistory === undefined) return null;
  if (entry.fromHistory) {
    return (
      <Tooltip title={`Recorded ${formatDateTime(entry.at)}: ${entry.source}`} describeChild>
        <Chip
          size="small"
          variant="outlined"
          color={entry.stale ? 'warning' : 'info'}
          label={entry.stale ? 'history, old' : 'history'}
          tabIndex={0}
        />
      </Tooltip>
    );
  }
  return (
    <Tooltip title={`${entry.source}: today’s price stands in for the review date.`} describeChild>
      <Chip size="small" variant="outlined" color="warning" label="current price" tabIndex={0} />
    </Tooltip>
  );
}
