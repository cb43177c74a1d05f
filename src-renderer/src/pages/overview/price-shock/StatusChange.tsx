import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { StatusChip } from '../../../components/StatusChip';

/** The status in the scenario, after today's when the shock changes it. */
export function StatusChange({ now, scenario }: { now: string | undefined; scenario: string }) {
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', flexShrink: 0 }}>
      {now !== undefined && now !== scenario && (
        <>
          <Typography variant="body2" color="text.secondary">
            now
          </Typography>
          <StatusChip status={now} />
          <Typography variant="body2" color="text.secondary" aria-label="becomes">
            →
          </Typography>
        </>
      )}
      <StatusChip status={scenario} />
    </Stack>
  );
}
