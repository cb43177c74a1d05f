import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/DownloadOutlined';
import { useState } from 'react';
import { CSV_KINDS, type CsvKind } from '#api/import-export';
import { toRpcError } from '../../api/rpc-failure';
import { todayInput } from '../../forms/form-values';
import { useCall } from '../../state/use-call';
import { Section } from '../settings/Section';
import { BackupImport } from './BackupImport';
import { CcxtImport } from './CcxtImport';
import { RigsCsvImport } from './RigsCsvImport';
import { saveTextFile } from './save-file';

// Everything in and out of RigLedger as files: the whole farm as one JSON backup, each
// collection as CSV for a spreadsheet, and the imports (each checked before it stores).

const CSV_LABELS: Record<CsvKind, string> = {
  rigs: 'rigs',
  loans: 'loans',
  payments: 'payments',
  positions: 'positions',
  alerts: 'alerts',
};

export function ExportImportSection({ onImported }: { onImported(): void }) {
  const call = useCall();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const exporting = async (save: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await save();
    } catch (cause) {
      setError(toRpcError(cause).message);
    } finally {
      setPending(false);
    }
  };

  const exportEverything = () =>
    exporting(async () => {
      const document = await call('backup.export', {});
      saveTextFile({
        fileName: `rigledger-backup-${todayInput()}.json`,
        text: `${JSON.stringify(document, null, 2)}\n`,
        type: 'application/json',
      });
    });

  const exportCsv = (kind: CsvKind) =>
    exporting(async () => {
      const { fileName, csv } = await call('csv.export', { kind });
      saveTextFile({ fileName, text: csv, type: 'text/csv;charset=utf-8' });
    });

  return (
    <Section
      title="Export and import"
      description="Files for your accountant, your lender or another RigLedger. Exports change nothing; every import is checked and shown before it stores anything."
    >
      <Stack spacing={2} sx={{ mt: 1 }}>
        <Stack
          direction="row"
          spacing={1}
          sx={{ flexWrap: 'wrap', alignItems: 'center', rowGap: 1 }}
        >
          <Button
            variant="contained"
            startIcon={<DownloadIcon />}
            onClick={() => void exportEverything()}
            disabled={pending}
          >
            Export everything (JSON)
          </Button>
          <Typography variant="body2" color="text.secondary" sx={{ pl: 1 }}>
            CSV:
          </Typography>
          {CSV_KINDS.map((kind) => (
            <Button
              key={kind}
              size="small"
              onClick={() => void exportCsv(kind)}
              disabled={pending}
              aria-label={`Export ${CSV_LABELS[kind]} (CSV)`}
            >
              {CSV_LABELS[kind]}
            </Button>
          ))}
        </Stack>
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        <Divider />
        <Stack spacing={1.5}>
          <BackupImport onImported={onImported} />
          <RigsCsvImport onImported={onImported} />
          <CcxtImport onImported={onImported} />
        </Stack>
      </Stack>
    </Section>
  );
}
