import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import type { Settings } from '#api/records';
import { PageHeader } from '../../components/PageHeader';
import { useQuery } from '../../state/use-call';
import { useSnapshot } from '../../state/snapshot-context';
import { AlertThresholds } from './AlertThresholds';
import { RiskSettings } from './RiskSettings';
import { BackupsSection } from './BackupsSection';
import { CustomCoins } from './CustomCoins';
import { FeedStatusTable } from './FeedStatusTable';
import { GeneralSettings } from './GeneralSettings';
import { ManualNetwork } from './ManualNetwork';
import { ManualPrices } from './ManualPrices';
import { NotificationChannels } from './NotificationChannels';
import { PriceSources } from './PriceSources';

export function SettingsPage() {
  const loaded = useQuery('settings.get', {});
  const snapshot = useSnapshot();
  const [saved, setSaved] = useState<Settings | null>(null);
  const settings = saved ?? loaded.result;

  return (
    <Stack spacing={2}>
      <PageHeader title="Settings" />
      {loaded.error && (
        <Alert severity="error">Could not load the settings: {loaded.error.message}</Alert>
      )}
      {!settings && !loaded.error && <LinearProgress aria-label="Loading settings" />}
      {settings && (
        <GeneralSettings
          settings={settings}
          hostOffline={snapshot?.offline ?? false}
          onSaved={setSaved}
        />
      )}
      {settings && <AlertThresholds settings={settings} onSaved={setSaved} />}
      {settings && <RiskSettings settings={settings} onSaved={setSaved} />}
      {settings && <NotificationChannels settings={settings} onSaved={setSaved} />}
      {settings && <CustomCoins settings={settings} onSaved={setSaved} />}
      <FeedStatusTable offline={settings?.offline ?? snapshot?.offline ?? false} />
      {snapshot && <ManualPrices prices={snapshot.prices} />}
      {snapshot && <ManualNetwork network={snapshot.network} asOf={snapshot.asOf} />}
      {settings && <PriceSources settings={settings} onSaved={setSaved} />}
      {settings && <PriceSources kind="funding" settings={settings} onSaved={setSaved} />}
      <BackupsSection />
    </Stack>
  );
}
