import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import LinearProgress from '@mui/material/LinearProgress';
import { SnapshotPending } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useSnapshot } from '../../state/snapshot-context';
import { lazy, Suspense } from 'react';
import { compareDecimal } from '#shared/format';
import { usePhoneWidth } from '../../components/use-viewport';
import { ActiveAlertsCard } from './ActiveAlertsCard';
import { FarmFigures } from './FarmFigures';
import { HashPowerCards } from './HashPowerCards';
import { HedgePlanner } from './HedgePlanner';
import { LoanHealthList } from './LoanHealthList';
import { PositionDistanceList } from './PositionDistanceList';
import { PriceFreshness } from './PriceFreshness';
import { StressTest } from './StressTest';

// chart.js is the largest part of the dashboard: the charts load after the figures.
const ChartsSection = lazy(async () => ({
  default: (await import('../../charts/ChartsSection')).ChartsSection,
}));

// Positions closest to liquidation and the weakest loans come first; at phone width the
// page leads with the alerts, then those two lists, then the farm's figures.

export function OverviewPage() {
  const snapshot = useSnapshot();
  const phone = usePhoneWidth();
  if (!snapshot) return <SnapshotPending />;
  const positions = [...snapshot.positions].sort((a, b) =>
    compareDecimal(a.distanceToLiquidationPct, b.distanceToLiquidationPct),
  );
  const loans = [...snapshot.loans].sort((a, b) => compareDecimal(a.healthFactor, b.healthFactor));
  const risk = (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' },
        gap: 2,
      }}
    >
      {phone ? (
        <>
          <PositionDistanceList positions={positions} />
          <LoanHealthList loans={loans} />
        </>
      ) : (
        <>
          <LoanHealthList loans={loans} />
          <PositionDistanceList positions={positions} />
        </>
      )}
    </Box>
  );
  return (
    <Stack spacing={3}>
      <PageHeader title="Overview" />
      {phone && <ActiveAlertsCard alerts={snapshot.alerts} />}
      {phone && risk}
      <section aria-labelledby="hash-power-heading">
        <Typography id="hash-power-heading" variant="h6" component="h2" sx={{ mb: 1 }}>
          Hash power
        </Typography>
        <HashPowerCards hashPower={snapshot.farm.hashPower} />
      </section>
      <section aria-labelledby="economics-heading">
        <Typography id="economics-heading" variant="h6" component="h2" sx={{ mb: 1 }}>
          Farm economics
        </Typography>
        <FarmFigures farm={snapshot.farm} />
      </section>
      {!phone && risk}
      <PriceFreshness prices={snapshot.prices} live={snapshot.scenario === null} />
      <Suspense fallback={<LinearProgress aria-label="Loading the charts" />}>
        <ChartsSection snapshot={snapshot} />
      </Suspense>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(min(440px, 100%), 1fr))',
          gap: 2,
        }}
      >
        <StressTest snapshot={snapshot} />
        <HedgePlanner snapshot={snapshot} />
      </Box>
    </Stack>
  );
}
