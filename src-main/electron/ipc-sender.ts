import type { RendererLocation } from './renderer-location';

// Who may call the main process: only the dashboard's own main frame, loaded from
// app://rigledger/ (or the dev server), in the one window the app opened. A sub-frame,
// another page the window was tricked into, or any other web contents is refused.
// Narrow shapes instead of Electron's classes, so the rule is tested without Electron.

export interface SenderFrame {
  processId: number;
  routingId: number;
  url: string;
}

export interface CallEvent {
  sender: unknown;
  senderFrame: SenderFrame | null;
}

export interface DashboardWindow {
  isDestroyed(): boolean;
  webContents: { mainFrame: Pick<SenderFrame, 'processId' | 'routingId'> };
}

export interface SenderCheckOptions {
  location: Pick<RendererLocation, 'isDashboardUrl'>;
  /** The window allowed to call; null while none is open. */
  mainWindow: () => DashboardWindow | null;
}

/** Whether a call comes from the dashboard's own main frame (never a sub-frame or other page). */
export function isTrustedSender(event: CallEvent, options: SenderCheckOptions): boolean {
  const window = options.mainWindow();
  const frame = event.senderFrame;
  if (window === null || window.isDestroyed() || frame === null) return false;
  const mainFrame = window.webContents.mainFrame;
  return (
    event.sender === window.webContents &&
    frame.processId === mainFrame.processId &&
    frame.routingId === mainFrame.routingId &&
    options.location.isDashboardUrl(frame.url)
  );
}
