// `npm run serve`: builds the dashboard when the build is missing or older than its
// sources, then runs the web host (src-main/web/cli.ts) with every argument passed on.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = join(projectRoot, 'out', 'renderer', 'index.html');
const rendererSources = join(projectRoot, 'src-renderer');

function newestModification(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    const time = entry.isDirectory() ? newestModification(path) : statSync(path).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

function buildIsStale() {
  if (!existsSync(builtIndex)) return true;
  return newestModification(rendererSources) > statSync(builtIndex).mtimeMs;
}

if (buildIsStale()) {
  process.stderr.write('Building the RigLedger dashboard (electron-vite build)…\n');
  const require = createRequire(import.meta.url);
  const electronVite = join(
    dirname(require.resolve('electron-vite/package.json')),
    'bin',
    'electron-vite.js',
  );
  const build = spawnSync(process.execPath, [electronVite, 'build'], {
    cwd: projectRoot,
    // Build chatter goes to stderr: stdout carries only the "listening" line.
    stdio: ['inherit', 2, 'inherit'],
  });
  if (build.status !== 0) {
    process.stderr.write('The dashboard build failed (see above); RigLedger was not started.\n');
    process.exit(1);
  }
}

const host = spawn(
  process.execPath,
  ['--import', 'tsx', join(projectRoot, 'src-main', 'web', 'cli.ts'), ...process.argv.slice(2)],
  { cwd: projectRoot, stdio: 'inherit' },
);

const signalNumbers = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

// The host flushes the database on SIGINT/SIGTERM; pass them on and wait for it to finish.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (host.exitCode === null) host.kill(signal);
  });
}

host.on('error', (error) => {
  process.stderr.write(`Could not start the RigLedger web host: ${error.message}\n`);
  process.exit(1);
});
host.on('exit', (code, signal) => {
  process.exit(code ?? (signal === null ? 1 : 128 + (signalNumbers[signal] ?? 0)));
});
