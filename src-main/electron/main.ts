import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { openFarmService } from '#service/farm-service';
import type { FarmService } from '#service/types';
import { APP_FOLDER_NAME, defaultDataDir } from '#store/data-dir';
import { registerIpcBridge } from './ipc';
import { registerReportPdf } from './report-pdf';
import { osSecretSealer } from './secret-sealer';
import { startAlertNotifications } from './notifications';
import { rendererLocation } from './renderer-location';
import { createTray } from './tray';
import { createMainWindow, lockNavigation, registerAppScheme, secureSession } from './window';
import { describeError } from '#shared/describe-error';

// The desktop app: one instance, one FarmService over the userData folder (the folder
// `npm run serve` uses too), one window, a tray icon and alert notifications.
// RIGLEDGER_DATA_DIR, RIGLEDGER_OFFLINE=1 and RIGLEDGER_DEMO=1 exist for tests and demos.

const log = (line: string): void => console.error(line);

function switchOn(name: string): boolean {
  return ['1', 'true', 'yes'].includes((process.env[name] ?? '').toLowerCase());
}

function chooseDataDir(): string {
  app.setName(APP_FOLDER_NAME);
  const override = process.env.RIGLEDGER_DATA_DIR;
  if (override !== undefined && override.trim() !== '') {
    app.setPath('userData', override.trim());
    return override.trim();
  }
  // The package is named "rigledger"; the folder must be "RigLedger" to match the web host.
  const userData = join(app.getPath('appData'), APP_FOLDER_NAME);
  app.setPath('userData', userData);
  if (userData !== defaultDataDir()) {
    log(
      `RigLedger: the desktop data folder ${userData} differs from the web host's ${defaultDataDir()}.`,
    );
  }
  return userData;
}

function startDesktopApp(dataDir: string): void {
  const location = rendererLocation();
  let service: FarmService | null = null;
  let mainWindow: BrowserWindow | null = null;
  const cleanups: (() => void)[] = [];
  let hasTray = false;

  function showWindow(): void {
    if (service === null) return;
    if (mainWindow === null || mainWindow.isDestroyed()) {
      mainWindow = createMainWindow(location, log);
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  }

  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  // The tray keeps the app (and its liquidation alerts) running with the window closed.
  app.on('window-all-closed', () => {
    if (!hasTray) app.quit();
  });

  // Flush the database before quitting: hold the quit once, close the service, then exit.
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || service === null) return;
    closing = true;
    event.preventDefault();
    for (const cleanup of cleanups.splice(0)) cleanup();
    service.close().then(
      () => app.exit(0),
      (error: unknown) => {
        log(`RigLedger could not save everything while quitting: ${describeError(error)}`);
        app.exit(1);
      },
    );
  });

  // Ctrl+C in the terminal or a service manager's stop: quit through before-quit.
  process.on('SIGINT', () => app.quit());
  process.on('SIGTERM', () => app.quit());

  app
    .whenReady()
    .then(async () => {
      secureSession(location, log);
      lockNavigation(location, log);
      try {
        service = await openFarmService({
          dataDir,
          offline: switchOn('RIGLEDGER_OFFLINE'),
          demo: switchOn('RIGLEDGER_DEMO'),
          log,
          secretSealer: osSecretSealer(),
        });
      } catch (error) {
        // Typically the folder is open in `npm run serve`; the store's message says so.
        dialog.showErrorBox('RigLedger cannot start', describeError(error));
        app.exit(1);
        return;
      }
      const opened = service;
      cleanups.push(
        registerIpcBridge({ service: opened, location, mainWindow: () => mainWindow, log }),
        registerReportPdf({ location, mainWindow: () => mainWindow, log }),
      );
      showWindow();
      cleanups.push(startAlertNotifications({ service: opened, showWindow, log }));
      try {
        const tray = createTray({ service: opened, showWindow, quit: () => app.quit(), log });
        hasTray = true;
        cleanups.push(() => tray.dispose());
      } catch (error) {
        log(`RigLedger runs without a tray icon: ${describeError(error)}`);
      }
    })
    .catch((error: unknown) => {
      log(`RigLedger failed to start: ${describeError(error, { withStack: true })}`);
      app.exit(1);
    });
}

// A second `npm start` focuses the running app instead of fighting over the data folder.
// The lock lives in userData, so the folder is chosen first.
const dataDir = chooseDataDir();
registerAppScheme();
if (app.requestSingleInstanceLock()) {
  startDesktopApp(dataDir);
} else {
  app.quit();
}
