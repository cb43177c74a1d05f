import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import LinearProgress from '@mui/material/LinearProgress';
import { SnapshotPending } from '../../components/Loading';
import { Deferred, useAtMostEvery } from '../../components/Deferred';
import { PageHeader } from '../../components/PageHeader';
import { useSnapshot } from '../../state/snapshot-context';
import Link from '@mui/material/Link';
import { lazy, memo, Suspense, useDeferredValue, useMemo } from 'react';
import type { Snapshot } from '#api/snapshot';
import { worstLoans, worstPositions } from '#shared/worst-items';
import { pageHref, type PageKey } from '../../routes';
import { usePhoneWidth } from '../../components/use-viewport';
import { ActiveAlertsCard } from './ActiveAlertsCard';
import { FarmFigures } from './FarmFigures';
import { HashPowerCards } from './HashPowerCards';
import { LoanHealthList } from './LoanHealthList';
import { PositionDistanceList } from './PositionDistanceList';
import { PriceFreshness } from './PriceFreshness';

// chart.js is the largest part of the dashboard: the charts load after the figures.
const ChartsSection = lazy(async () => ({
  default: (await import('../../charts/ChartsSection')).ChartsSection,
}));
const RunwaySection = lazy(async () => ({
  default: (await import('./RunwaySection')).RunwaySection,
}));
const PriceShockCard = lazy(async () => ({
  default: (await import('./price-shock/PriceShockCard')).PriceShockCard,
}));
const HedgePlanner = lazy(async () => ({
  default: (await import('./HedgePlanner')).HedgePlanner,
}));

/** The least time between two redraws of the Overview's lower sections. */
const LOWER_SECTIONS_EVERY_MS = 2_000;

/** How many loans and positions the Overview lists: the ones nearest trouble. */
const OVERVIEW_WORST = 8;

function SeeAll({
  shown,
  total,
  page,
  what,
}: {
  shown: number;
  total: number;
  page: PageKey;
  what: string;
}) {
  if (total <= shown) return null;
  return (
    <Link href={pageHref(page)} sx={{ alignSelf: 'flex-start' }}>
      See all {total} {what}
    </Link>
  );
}

/**
 * What lies below the first screen: built once the page is idle or scrolled near, from
 * the Snapshot of a render that gives way to anything urgent (components/Deferred.tsx),
 * and re-rendered only when that Snapshot changes.
 */
const Outlook = memo(function Outlook({ snapshot }: { snapshot: Snapshot }) {
  if (snapshot.scenario !== null) return null;
  return (
    <Deferred minHeight={240}>
      <Suspense fallback={<LinearProgress aria-label="Loading the outlook" />}>
        <RunwaySection snapshot={snapshot} />
      </Suspense>
    </Deferred>
  );
});

const BelowTheFold = memo(function BelowTheFold({ snapshot }: { snapshot: Snapshot }) {
  return (
    <>
      <Deferred minHeight={400}>
        <Suspense fallback={<LinearProgress aria-label="Loading the charts" />}>
          <ChartsSection
            assets={snapshot.assetsInUse}
            hashPower={snapshot.farm.hashPower}
            loans={snapshot.loans}
            positions={snapshot.positions}
          />
        </Suspense>
      </Deferred>
      <Deferred minHeight={400}>
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(min(440px, 100%), 1fr))',
            gap: 2,
          }}
        >
          <Suspense fallback={<LinearProgress aria-label="Loading the stress test" />}>
            <PriceShockCard snapshot={snapshot} />
          </Suspense>
          <Suspense fallback={<LinearProgress aria-label="Loading the hedge planner" />}>
            <HedgePlanner snapshot={snapshot} />
          </Suspense>
        </Box>
      </Deferred>
    </>
  );
});

export function OverviewPage() {
  const snapshot = useSnapshot();
  // The sections below the first screen follow in a render of their own (see BelowTheFold),
  // at most every two seconds while the prices move.
  const later = useDeferredValue(useAtMostEvery(snapshot, LOWER_SECTIONS_EVERY_MS));
  const phone = usePhoneWidth();
  const loans = snapshot?.loans;
  const positions = snapshot?.positions;
  const worst = useMemo(
    () => ({
      loans: worstLoans(loans ?? [], OVERVIEW_WORST),
      positions: worstPositions(positions ?? [], OVERVIEW_WORST),
    }),
    [loans, positions],
  );
  if (!snapshot) return <SnapshotPending />;
  // At phone width the page leads with the alerts, then the positions nearest
  // liquidation and the weakest loans, then the farm's figures.
  const risk = (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' },
        gap: 2,
      }}
    >
      <Stack spacing={1}>
        <LoanHealthList loans={worst.loans} />
        <SeeAll
          shown={worst.loans.length}
          total={snapshot.loans.length}
          page="loans"
          what="loans"
        />
      </Stack>
      <Stack spacing={1}>
        <PositionDistanceList positions={worst.positions} />
        <SeeAll
          shown={worst.positions.length}
          total={snapshot.positions.length}
          page="positions"
          what="positions"
        />
      </Stack>
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
      {later && <Outlook snapshot={later} />}
      <PriceFreshness prices={snapshot.prices} live={snapshot.scenario === null} />
      {later && <BelowTheFold snapshot={later} />}
    </Stack>
  );
}
