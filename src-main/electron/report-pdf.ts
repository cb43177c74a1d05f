import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, ipcMain } from 'electron';
import { z } from 'zod';
import { RpcError } from '#api/errors';
import { reportWindowOptions } from './hardening';
import type { IpcBridgeOptions } from './ipc';
import { isTrustedSender } from './ipc-sender';
import { REPORT_PDF_CHANNEL, type RpcEnvelope } from './ipc-channel';

// Saves the review report as PDF: the self-contained HTML is laid out in a hidden,
// script-less window, printed with printToPDF and written where the operator chooses.

const reportSchema = z.object({
  html: z.string().min(1).max(20_000_000),
  fileName: z.string().min(1).max(200),
});

async function renderPdf(html: string): Promise<Buffer> {
  // Audited as a literal by scripts/audit-electron.ts (see window.ts).
  const window = new BrowserWindow(reportWindowOptions()); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
  } finally {
    window.destroy();
  }
}

export function registerReportPdf(
  options: Pick<IpcBridgeOptions, 'location' | 'mainWindow' | 'log'>,
): () => void {
  ipcMain.handle(REPORT_PDF_CHANNEL, async (event, report: unknown): Promise<RpcEnvelope> => {
    if (!isTrustedSender(event, options)) {
      return {
        ok: false,
        error: new RpcError(
          'unauthorized',
          'Only the RigLedger dashboard may save reports.',
        ).toBody(),
      };
    }
    const parsed = reportSchema.safeParse(report);
    if (!parsed.success) {
      return {
        ok: false,
        error: new RpcError('invalid_params', 'The report to save was not a document.').toBody(),
      };
    }
    try {
      const pdf = await renderPdf(parsed.data.html);
      const owner = options.mainWindow();
      const defaultPath = parsed.data.fileName.replace(/\.html?$/i, '') + '.pdf';
      const choice = owner
        ? await dialog.showSaveDialog(owner, {
            defaultPath,
            filters: [{ name: 'PDF', extensions: ['pdf'] }],
          })
        : await dialog.showSaveDialog({
            defaultPath,
            filters: [{ name: 'PDF', extensions: ['pdf'] }],
          });
      if (choice.canceled || !choice.filePath) return { ok: true, result: null };
      await writeFile(choice.filePath, pdf);
      return { ok: true, result: choice.filePath };
    } catch (error) {
      options.log(
        `Could not save the report as PDF: ${error instanceof Error ? error.message : String(error)}`,
      );
      return {
        ok: false,
        error: new RpcError(
          'internal',
          'The report could not be saved as PDF; the cause was logged.',
        ).toBody(),
      };
    }
  });
  return () => ipcMain.removeHandler(REPORT_PDF_CHANNEL);
}
