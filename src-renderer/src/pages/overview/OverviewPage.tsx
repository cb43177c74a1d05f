import { SnapshotPending } from '../../components/Loading';
import { Deferred, useAtMostEvery } from '../../components/Deferred';
import { PageHeader } from '../../components/PageHeader';
import { Bar } from '../../components/plain';
import { useSnapshot, useSnapshotSelect } from '../../state/snapshot-context';
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
    <a href={pageHref(page)} className="link text-body1" style={{ alignSelf: 'flex-start' }}>
      See all {total} {what}
    </a>
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
      <Suspense fallback={<Bar label="Loading the outlook" />}>
        <RunwaySection snapshot={snapshot} />
      </Suspense>
    </Deferred>
  );
});

const BelowTheFold = memo(function BelowTheFold({ snapshot }: { snapshot: Snapshot }) {
  return (
    <>
      <Deferred minHeight={400}>
        <Suspense fallback={<Bar label="Loading the charts" />}>
          <ChartsSection
            assets={snapshot.assetsInUse}
            hashPower={snapshot.farm.hashPower}
            loans={snapshot.loans}
            positions={snapshot.positions}
          />
        </Suspense>
      </Deferred>
      <Deferred minHeight={400}>
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(min(440px, 100%), 1fr))',
            gap: 16,
          }}
        >
          <Suspense fallback={<Bar label="Loading the stress test" />}>
            <PriceShockCard snapshot={snapshot} />
          </Suspense>
          <Suspense fallback={<Bar label="Loading the hedge planner" />}>
            <HedgePlanner snapshot={snapshot} />
          </Suspense>
        </div>
      </Deferred>
    </>
  );
});

// Each part of the first screen reads its own slice of the Snapshot and renders again only
// when that slice changes (parts of the summary a tick did not touch keep their identity:
// state/snapshot-store.ts). The page itself renders once; its headings never again.

const NO_LOANS: Snapshot['loans'] = [];
const NO_POSITIONS: Snapshot['positions'] = [];

const Heading = memo(function Heading({ id, text }: { id: string; text: string }) {
  return (
    <h2 id={id} className="text-h6" style={{ marginBottom: 8 }}>
      {text}
    </h2>
  );
});

const HashPowerSection = memo(function HashPowerSection() {
  const hashPower = useSnapshotSelect((s) => s?.farm.hashPower);
  if (!hashPower) return null;
  return (
    <section aria-labelledby="hash-power-heading">
      <Heading id="hash-power-heading" text="Hash power" />
      <HashPowerCards hashPower={hashPower} />
    </section>
  );
});

const EconomicsSection = memo(function EconomicsSection() {
  const farm = useSnapshotSelect((s) => s?.farm);
  if (!farm) return null;
  return (
    <section aria-labelledby="economics-heading">
      <Heading id="economics-heading" text="Farm economics" />
      <FarmFigures farm={farm} />
    </section>
  );
});

const PhoneAlerts = memo(function PhoneAlerts() {
  const alerts = useSnapshotSelect((s) => s?.alerts);
  return alerts ? <ActiveAlertsCard alerts={alerts} /> : null;
});

/** The loans and positions nearest trouble, side by side (one above the other on a phone). */
const RiskLists = memo(function RiskLists() {
  // Drawn as a render that React slices and that gives way to anything urgent: a price
  // tick changes every listed position, and sixteen cards of bars and chips take tens of
  // milliseconds to draw. The banner and the figures above are not held back by them.
  const loans = useDeferredValue(useSnapshotSelect((s) => s?.loans) ?? NO_LOANS);
  const positions = useDeferredValue(useSnapshotSelect((s) => s?.positions) ?? NO_POSITIONS);
  const worstOfLoans = useMemo(() => worstLoans(loans, OVERVIEW_WORST), [loans]);
  const worstOfPositions = useMemo(() => worstPositions(positions, OVERVIEW_WORST), [positions]);
  return (
    <div className="grid-two">
      <div className="stack" style={{ gap: 8 }}>
        <LoanHealthList loans={worstOfLoans} />
        <SeeAll shown={worstOfLoans.length} total={loans.length} page="loans" what="loans" />
      </div>
      <div className="stack" style={{ gap: 8 }}>
        <PositionDistanceList positions={worstOfPositions} />
        <SeeAll
          shown={worstOfPositions.length}
          total={positions.length}
          page="positions"
          what="positions"
        />
      </div>
    </div>
  );
});

const Freshness = memo(function Freshness() {
  const prices = useSnapshotSelect((s) => s?.prices);
  const live = useSnapshotSelect((s) => s?.scenario === null);
  return prices ? <PriceFreshness prices={prices} live={live} /> : null;
});

/** The sections below the first screen, from a Snapshot at most every two seconds. */
function LowerSections({ part }: { part: 'outlook' | 'rest' }) {
  const snapshot = useSnapshot();
  const later = useDeferredValue(useAtMostEvery(snapshot, LOWER_SECTIONS_EVERY_MS));
  if (!later) return null;
  return part === 'outlook' ? <Outlook snapshot={later} /> : <BelowTheFold snapshot={later} />;
}

export function OverviewPage() {
  const waiting = useSnapshotSelect((s) => s === null);
  const phone = usePhoneWidth();
  if (waiting) return <SnapshotPending />;
  // At phone width the page leads with the alerts, then the positions nearest
  // liquidation and the weakest loans, then the farm's figures.
  return (
    <div className="page-stack">
      <PageHeader title="Overview" />
      {phone && <PhoneAlerts />}
      {phone && <RiskLists />}
      <HashPowerSection />
      <EconomicsSection />
      {!phone && <RiskLists />}
      <LowerSections part="outlook" />
      <Freshness />
      <LowerSections part="rest" />
    </div>
  );
}
