import { createRequire, Module } from 'node:module';
import { dirname, relative } from 'node:path';
import { z } from 'zod';

// Runs Doyensec's Electronegativity as a library and reads its findings. The command
// line version exits 0 whatever it finds, so the caller decides what fails the build.
// The tool fetches translations and Electron's release list from the internet on
// start; both are answered offline here (the build uses no network but the registry).

const require = createRequire(import.meta.url);
const RUNNER_PATH = require.resolve('@doyensec/electronegativity');

/** Needs the internet (Electron's release list); Electron upgrades are npm's business. */
const NETWORK_CHECKS = ['availablesecurityfixesglobalcheck'];

const levelSchema = z.object({ value: z.number(), name: z.string() });

const findingSchema = z.object({
  id: z.string(),
  file: z.string(),
  location: z.object({ line: z.number(), column: z.number() }),
  description: z.string(),
  severity: levelSchema,
  confidence: levelSchema,
  manualReview: z.boolean().optional(),
});

const resultSchema = z.object({
  errors: z.array(z.object({ file: z.string(), message: z.string(), tolerable: z.boolean() })),
  issues: z.array(findingSchema),
});

export type Finding = z.infer<typeof findingSchema>;
export type AuditResult = z.infer<typeof resultSchema>;

/** Answers the tool's two downloads with "not found" instead of going online. */
function keepOffline(): void {
  const gotPath = require.resolve('got', { paths: [dirname(RUNNER_PATH)] });
  const offline = (): Promise<{ statusCode: number; body: string }> =>
    Promise.resolve({ statusCode: 404, body: '' });
  const standIn = new Module(gotPath);
  standIn.filename = gotPath;
  standIn.loaded = true;
  standIn.exports = Object.assign(offline, { default: offline });
  require.cache[gotPath] = standIn;
}

type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<unknown>;

function isRunner(value: unknown): value is Runner {
  return typeof value === 'function';
}

function loadRunner(): Runner {
  const loaded: unknown = require(RUNNER_PATH);
  if (isRunner(loaded)) return loaded;
  const fallback: unknown =
    typeof loaded === 'object' && loaded !== null ? Reflect.get(loaded, 'default') : undefined;
  if (isRunner(fallback)) return fallback;
  throw new Error(`${RUNNER_PATH} does not export Electronegativity's run function.`);
}

export async function runElectronegativity(
  input: string,
  electronVersion: string,
): Promise<AuditResult> {
  keepOffline();
  const raw = await loadRunner()(
    {
      input,
      customScan: [],
      excludeFromScan: NETWORK_CHECKS,
      isRelative: true,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
  const result = resultSchema.parse(raw);
  // Findings are relative to the input already; errors name the absolute path.
  const errors = result.errors.map((error) => ({ ...error, file: relative(input, error.file) }));
  return { ...result, errors };
}

/** High-severity findings fail the build; an unreadable file does too (it was not checked). */
export function blockingProblems(result: AuditResult): string[] {
  const problems = result.issues
    .filter((finding) => finding.severity.name === 'HIGH')
    .map((finding) => `HIGH ${describe(finding)}`);
  for (const error of result.errors) {
    if (!error.tolerable) problems.push(`could not read ${error.file}: ${error.message}`);
  }
  return problems;
}

export function describe(finding: Finding): string {
  const where = `${finding.file}:${finding.location.line}:${finding.location.column}`;
  const review = finding.manualReview === true ? ' (review by hand)' : '';
  return `${finding.id} at ${where} [${finding.confidence.name}]: ${finding.description}${review}`;
}
