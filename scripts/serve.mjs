// `npm run serve`: builds the app when the build is missing or older than its sources,
// then runs the built web host (out/main/serve.js, from src-main/web/cli.ts) with every
// argument passed on.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const builtFiles = [
  join(projectRoot, 'out', 'renderer', 'index.html'),
  join(projectRoot, 'out', 'main', 'serve.js'),
];
const sourceFolders = [join(projectRoot, 'src-renderer'), join(projectRoot, 'src-main')];
const sourceFiles = [
  join(projectRoot, 'package.json'),
  join(projectRoot, 'electron.vite.config.ts'),
];

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
  if (!builtFiles.every((file) => existsSync(file))) return true;
  const built = Math.min(...builtFiles.map((file) => statSync(file).mtimeMs));
  const sources = Math.max(
    ...sourceFolders.map(newestModification),
    ...sourceFiles.map((file) => statSync(file).mtimeMs),
  );
  return sources > built;
}

if (buildIsStale()) {
  process.stderr.write('Building RigLedger (electron-vite build)…\n');
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
    process.stderr.write('The build failed (see above); RigLedger was not started.\n');
    process.exit(1);
  }
}

const host = spawn(
  process.execPath,
  [join(projectRoot, 'out', 'main', 'serve.js'), ...process.argv.slice(2)],
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
