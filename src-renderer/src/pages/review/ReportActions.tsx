import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import DownloadIcon from '@mui/icons-material/DownloadOutlined';
import PrintIcon from '@mui/icons-material/PrintOutlined';
import { useState } from 'react';
import { toRpcError } from '../../api/rpc-failure';
import { useHost } from '../../state/host-context';
import { useCall } from '../../state/use-call';
import { printHtml, saveTextFile } from './save-file';

// The printable report a lender can be handed: the service writes the whole document;
// here it is saved as a file or printed (which is also how a PDF is made).

export function ReportActions({ asOf }: { asOf: string | null }) {
  const call = useCall();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const host = useHost();
  const [savedTo, setSavedTo] = useState<string | null>(null);
  const withReport = async (
    handle: (report: { fileName: string; html: string }) => void | Promise<void>,
  ) => {
    if (asOf === null) return;
    setPending(true);
    setError(null);
    try {
      setSavedTo(null);
      await handle(await call('report.html', { asOf }));
    } catch (cause) {
      setError(toRpcError(cause).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-end' }}>
      <Stack direction="row" spacing={1}>
        <Button
          variant="contained"
          startIcon={<DownloadIcon />}
          disabled={asOf === null || pending}
          onClick={() =>
            void withReport((r) =>
              saveTextFile({ fileName: r.fileName, text: r.html, type: 'text/html;charset=utf-8' }),
            )
          }
        >
          Download report (HTML)
        </Button>
        <Button
          variant="outlined"
          startIcon={<PrintIcon />}
          disabled={asOf === null || pending}
          onClick={() =>
            void withReport(async (report) => {
              // The desktop app writes the PDF itself; a browser offers its print dialog.
              if (host.saveReportPdf) setSavedTo((await host.saveReportPdf(report)).savedTo);
              else printHtml(report.html);
            })
          }
        >
          {host.saveReportPdf ? 'Save as PDF' : 'Print / save as PDF'}
        </Button>
      </Stack>
      {savedTo && <Alert severity="success">Saved the report to {savedTo}</Alert>}
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
