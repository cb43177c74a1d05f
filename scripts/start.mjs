// `npm start`: the desktop app. Finds the Electron binary that the electron package
// downloads for this platform (trying its installer once when it is missing), builds the
// app, then runs Electron on the project with signals passed on.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronPackage = dirname(require.resolve('electron/package.json'));
const INSTALL_TIMEOUT_MS = 5 * 60 * 1000;

/** The binary named by node_modules/electron/path.txt, or null when it is not on disk. */
function electronBinary() {
  // Not require('electron'): that starts a download itself when the binary is missing.
  const pathFile = join(electronPackage, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, readFileSync(pathFile, 'utf8').trim())
    : join(electronPackage, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function installElectronOnce() {
  process.stderr.write(
    'The Electron binary is missing; downloading it with the electron package installer…\n',
  );
  const install = spawnSync(process.execPath, [join(electronPackage, 'install.js')], {
    cwd: electronPackage,
    stdio: 'inherit',
    timeout: INSTALL_TIMEOUT_MS,
  });
  return install.status === 0 ? electronBinary() : null;
}

const binary = electronBinary() ?? installElectronOnce();
if (binary === null) {
  process.stderr.write(
    [
      '',
      'RigLedger cannot start the desktop app: the Electron binary is not installed and',
      'could not be downloaded here (this machine may be offline or block the download).',
      'Use the browser dashboard instead:',
      '',
      '    npm run serve',
      '',
      'It serves the same dashboard and data on http://127.0.0.1:4820 and prints the URL to open.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

process.stderr.write('Building RigLedger (electron-vite build)…\n');
const electronVite = join(
  dirname(require.resolve('electron-vite/package.json')),
  'bin',
  'electron-vite.js',
);
const build = spawnSync(process.execPath, [electronVite, 'build'], {
  cwd: projectRoot,
  stdio: 'inherit',
});
if (build.status !== 0) {
  process.stderr.write('The build failed (see above); the desktop app was not started.\n');
  process.exit(1);
}

// A variable meant for other tools would make Electron behave as plain Node.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;

const desktop = spawn(binary, [projectRoot, ...process.argv.slice(2)], {
  cwd: projectRoot,
  env,
  stdio: 'inherit',
});

const signalNumbers = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
// The app flushes its database when it quits; pass the signal on and wait for it.
for (const signal of Object.keys(signalNumbers)) {
  process.on(signal, () => {
    if (desktop.exitCode === null) desktop.kill(signal);
  });
}

desktop.on('error', (error) => {
  process.stderr.write(`Could not start Electron (${binary}): ${error.message}\n`);
  process.exit(1);
});
desktop.on('exit', (code, signal) => {
  process.exit(code ?? (signal === null ? 1 : 128 + (signalNumbers[signal] ?? 0)));
});
