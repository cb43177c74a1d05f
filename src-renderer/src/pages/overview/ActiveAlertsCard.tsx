import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Alert } from '#api/records';
import { alertRuleLabel } from '#shared/alert-rule-labels';
import { compareSeverityWorstFirst } from '#shared/severity';
import { StatusChip } from '../../components/StatusChip';
import { pageHref } from '../../routes';
import { alertSubjectHref, alertSubjectLinkText } from '../../shell/alert-links';

// The Overview's first card at phone width: every active alert, worst first, each with
// the way to its subject; the Alerts page has the full list and its actions.

export function ActiveAlertsCard({ alerts }: { alerts: readonly Alert[] }) {
  const sorted = [...alerts].sort((a, b) => compareSeverityWorstFirst(a.severity, b.severity));
  return (
    <Card data-testid="overview-alerts">
      <CardContent>
        <Typography variant="h6" component="h2">
          Alerts
        </Typography>
        {sorted.length === 0 ? (
          <Typography color="text.secondary">No active alerts.</Typography>
        ) : (
          <Stack component="ul" spacing={1.5} sx={{ m: 0, p: 0, listStyle: 'none' }}>
            {sorted.map((alert) => (
              <li key={alert.id}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <StatusChip status={alert.severity} />
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {alertRuleLabel(alert.rule)}
                  </Typography>
                </Stack>
                <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                  {alert.message}
                </Typography>
                <Link href={alertSubjectHref(alert)} variant="body2">
                  {alertSubjectLinkText(alert)}
                </Link>
              </li>
            ))}
          </Stack>
        )}
        <Link href={pageHref('alerts')} variant="body2" sx={{ display: 'inline-block', mt: 1 }}>
          Acknowledge or mute on the Alerts page
        </Link>
      </CardContent>
    </Card>
  );
}
