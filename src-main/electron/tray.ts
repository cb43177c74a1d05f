import { join } from 'node:path';
import { Menu, nativeImage, Tray, type NativeImage } from 'electron';
import { methods } from '#api/methods';
import { applyChanges } from '#api/snapshot-delta';
import type { Alert, Severity } from '#api/records';
import type { FarmService } from '#service/types';
import { worstSeverity } from '#shared/severity';
import { RESOURCES_DIR } from './renderer-location';
import { describeError } from '#shared/describe-error';

// The tray icon: its colour is the worst active alert's severity, so a glance at the
// menu bar says whether anything needs the operator. Its menu opens the window, mutes
// every active alert for an hour, or quits.

export type TrayLevel = 'ok' | Severity;

const MUTE_ALL_MS = 60 * 60 * 1000;

export function worstLevel(alerts: readonly Pick<Alert, 'severity'>[]): TrayLevel {
  return worstSeverity(alerts) ?? 'ok';
}

function trayTooltip(alerts: readonly Alert[], level: TrayLevel): string {
  if (alerts.length === 0) return 'RigLedger: no active alerts';
  const count = alerts.length === 1 ? '1 active alert' : `${alerts.length} active alerts`;
  return `RigLedger: ${count}, the worst ${level}`;
}

function loadIcons(): Record<TrayLevel, NativeImage> {
  // Electron picks tray-<level>@2x.png beside each file on high-density screens.
  const icon = (level: TrayLevel) =>
    nativeImage.createFromPath(join(RESOURCES_DIR, `tray-${level}.png`));
  return {
    ok: icon('ok'),
    info: icon('info'),
    warning: icon('warning'),
    critical: icon('critical'),
  };
}

export interface TrayOptions {
  service: FarmService;
  showWindow: () => void;
  quit: () => void;
  now?: () => Date;
  log: (line: string) => void;
}

export function createTray(options: TrayOptions): { dispose(): void } {
  const { service, log } = options;
  const now = options.now ?? (() => new Date());
  const icons = loadIcons();
  const tray = new Tray(icons.ok);
  let active: Alert[] = [];
  let shown: TrayLevel | null = null;

  async function muteAllForAnHour(): Promise<void> {
    const until = new Date(now().getTime() + MUTE_ALL_MS).toISOString();
    const subjects = new Set(active.map((alert) => alert.subjectId));
    for (const subjectId of subjects) await service.call('alerts.mute', { subjectId, until });
  }

  function show(alerts: Alert[]): void {
    active = alerts;
    const level = worstLevel(alerts);
    if (level !== shown) {
      tray.setImage(icons[level]);
      shown = level;
    }
    tray.setToolTip(trayTooltip(alerts, level));
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Open RigLedger', click: options.showWindow },
        {
          label: 'Mute all alerts for 1 hour',
          enabled: alerts.length > 0,
          click: () => {
            muteAllForAnHour().catch((error: unknown) =>
              log(`Could not mute the alerts: ${describeError(error)}`),
            );
          },
        },
        { type: 'separator' },
        { label: 'Quit RigLedger', click: options.quit },
      ]),
    );
  }

  show([]);
  tray.on('click', options.showWindow);
  const readActive = (): void => {
    service
      .call('alerts.list', {})
      .then((alerts) => show(methods['alerts.list'].result.parse(alerts)))
      .catch((error: unknown) =>
        log(`Could not read the active alerts for the tray: ${describeError(error)}`),
      );
  };
  readActive();

  // Every snapshot delta carries the active alerts that changed; rebuilding the menu is
  // cheap and at most 4×/s. Changes that do not add up are read again whole.
  const unsubscribe = service.onEvent((event) => {
    if (event.type !== 'snapshot-delta') return;
    const { alerts } = event;
    if (alerts.upserts.length === 0 && alerts.removed.length === 0 && !alerts.order) return;
    const next = applyChanges(active, alerts);
    if (next === null) readActive();
    else show(next);
  });

  return {
    dispose() {
      unsubscribe();
      tray.destroy();
    },
  };
}
