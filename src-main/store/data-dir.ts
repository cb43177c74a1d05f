import { homedir } from 'node:os';
import { join } from 'node:path';

// The folder the desktop app uses (Electron's userData for an app named "RigLedger"),
// so `npm start` and `npm run serve` see one farm unless told otherwise.
export const APP_FOLDER_NAME = 'RigLedger';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME);
  }
  if (platform === 'darwin') {
    return join(homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
  }
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER_NAME);
}
