import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mainWindowOptions, reportWindowOptions } from '#electron/hardening';
import { withContentSecurityPolicyMeta } from '#shared/security-policy';
import { blockingProblems, describe, runElectronegativity } from './electronegativity';

// `npm run audit:electron`: Electronegativity over the desktop host's sources, failing on
// any high-severity finding. The tool reads `new BrowserWindow({ … })` literals, so the
// window options (built by functions in hardening.ts) are written out as such literals
// next to the sources, and index.html carries the policy the build writes into it.

const projectRoot = join(import.meta.dirname, '..');
const electronSources = join(projectRoot, 'src-main', 'electron');

async function electronVersion(): Promise<string> {
  const text = await readFile(
    join(projectRoot, 'node_modules', 'electron', 'package.json'),
    'utf8',
  );
  const version: unknown = Reflect.get(JSON.parse(text) as object, 'version');
  if (typeof version !== 'string') throw new Error('node_modules/electron has no version.');
  return version;
}

function windowLiterals(): string {
  const literal = (options: object) => JSON.stringify(options, null, 2);
  return [
    '// Written by scripts/audit-electron.ts: the options hardening.ts gives Electron.',
    "const { BrowserWindow } = require('electron');",
    `export const main = new BrowserWindow(${literal(mainWindowOptions('/app/out/preload/index.cjs'))});`,
    `export const report = new BrowserWindow(${literal(reportWindowOptions())});`,
    '',
  ].join('\n');
}

async function stageSources(): Promise<string> {
  const stage = await mkdtemp(join(tmpdir(), 'rigledger-audit-'));
  for (const name of await readdir(electronSources)) {
    // Tests hold deliberately hostile pages and fakes; the audit reads what ships.
    if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
      await copyFile(join(electronSources, name), join(stage, name));
    }
  }
  await writeFile(join(stage, 'window-options.generated.js'), windowLiterals());
  const html = await readFile(join(projectRoot, 'src-renderer', 'index.html'), 'utf8');
  await writeFile(join(stage, 'index.html'), withContentSecurityPolicyMeta(html, { dev: false }));
  return stage;
}

async function main(): Promise<number> {
  const stage = await stageSources();
  try {
    const result = await runElectronegativity(stage, await electronVersion());
    console.log(`Electronegativity: ${result.issues.length} finding(s) in src-main/electron.`);
    for (const finding of result.issues) {
      console.log(`  ${finding.severity.name.padEnd(13)} ${describe(finding)}`);
    }
    const problems = blockingProblems(result);
    if (problems.length > 0) {
      console.error(`Electronegativity: ${problems.length} problem(s) fail the audit:`);
      for (const problem of problems) console.error(`  ${problem}`);
      return 1;
    }
    console.log('Electronegativity: no high-severity findings.');
    return 0;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`The Electron security audit could not run: ${String(error)}`);
    process.exitCode = 1;
  },
);
