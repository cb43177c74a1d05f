import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { RigView } from '#api/snapshot';
import { formatDate, formatDateTime, formatUsd } from '../../format';

// What a rig's expanded row adds to its columns: why it is offline (the poller's own
// sentence), where it is polled, and its purchase.

export function RigDetails({ rig }: { rig: RigView }) {
  const live = rig.live;
  return (
    <Stack spacing={0.5} sx={{ mt: 1 }} data-testid={`rig-details-${rig.id}`}>
      {live && !live.online && (
        <Typography variant="body2" color="error.main" data-testid={`rig-offline-reason-${rig.id}`}>
          Offline since the poll at {formatDateTime(live.at)}
          {live.error ? `: ${live.error}` : '.'}
        </Typography>
      )}
      <Typography variant="body2">
        Miner API:{' '}
        {rig.endpoint
          ? `${rig.endpoint.host}:${rig.endpoint.port}`
          : 'not set, so no live readings.'}
      </Typography>
      {(rig.purchasedAt ?? rig.purchasePriceUsd) !== undefined && (
        <Typography variant="body2">
          Bought
          {rig.purchasedAt ? ` on ${formatDate(rig.purchasedAt)}` : ''}
          {rig.purchasePriceUsd ? ` for ${formatUsd(rig.purchasePriceUsd)}` : ''}.
        </Typography>
      )}
      {rig.notes && <Typography variant="body2">Notes: {rig.notes}</Typography>}
    </Stack>
  );
}
