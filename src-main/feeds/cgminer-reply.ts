import { z } from 'zod';
import { D, type Dec, maxDec } from '#shared/decimal';
import { readDecimal } from './reply-values';

// Reading cgminer / bmminer API replies (docs/formulas.md "Chain statistics and rig readings"). Firmware replies are almost JSON: a trailing
// NUL, `}{` with no comma between objects, trailing commas, bare inf/nan. They are repaired
// outside string literals only, then validated.

const BARE_NON_NUMBERS = new Set(['inf', 'infinity', 'nan']);

function nextNonSpace(text: string, from: number): string | undefined {
  for (let j = from; j < text.length; j++) {
    const c = text[j]!;
    if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') return c;
  }
  return undefined;
}

/** Repairs the known firmware defects; text inside string literals is left alone. */
export function repairCgminerJson(raw: string): string {
  const text = raw.replace(/\0/g, '');
  const out: string[] = [];
  const word = /[A-Za-z]+/y;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out.push(c);
      if (c === '\\') out.push(text[++i] ?? '');
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out.push(c);
    } else if (c === '}' && nextNonSpace(text, i + 1) === '{') {
      out.push('},');
    } else if (c === ',' && /[}\]]/.test(nextNonSpace(text, i + 1) ?? '')) {
      // a trailing comma: dropped
    } else if (/[A-Za-z]/.test(c)) {
      word.lastIndex = i;
      const found = word.exec(text)![0];
      i += found.length - 1;
      if (BARE_NON_NUMBERS.has(found.toLowerCase())) {
        if (out[out.length - 1] === '-') out.pop();
        out.push('null');
      } else {
        out.push(found);
      }
    } else {
      out.push(c);
    }
  }
  return out.join('');
}

const objectSchema = z.record(z.string(), z.unknown());

/** Parses a repaired reply; two glued top-level objects become one. Null when not JSON. */
export function parseCgminerJson(raw: string): Record<string, unknown> | null {
  const repaired = repairCgminerJson(raw).trim();
  for (const attempt of [repaired, `[${repaired}]`]) {
    let value: unknown;
    try {
      value = JSON.parse(attempt);
    } catch {
      continue;
    }
    const parts = Array.isArray(value) ? value : [value];
    const merged: Record<string, unknown> = {};
    for (const part of parts) {
      const parsed = objectSchema.safeParse(part);
      if (!parsed.success) return null;
      Object.assign(merged, parsed.data);
    }
    return parts.length > 0 ? merged : null;
  }
  return null;
}

const statusSchema = z.object({
  STATUS: z.union([
    z.array(z.object({ STATUS: z.string(), Msg: z.unknown().optional() }).loose()).min(1),
    z.string(),
  ]),
});

export type StatusCheck = { ok: true } | { ok: false; reason: string };

/** `STATUS[0].STATUS` must be S (success) or I (info); W, E and F are failures. */
export function checkStatus(reply: Record<string, unknown>): StatusCheck {
  const parsed = statusSchema.safeParse(reply);
  if (!parsed.success) return { ok: false, reason: 'the reply has no STATUS section' };
  const status =
    typeof parsed.data.STATUS === 'string'
      ? { STATUS: parsed.data.STATUS }
      : parsed.data.STATUS[0]!;
  if (status.STATUS === 'S' || status.STATUS === 'I') return { ok: true };
  const msg = 'Msg' in status && typeof status.Msg === 'string' ? `: ${status.Msg}` : '';
  return { ok: false, reason: `it answered with status ${status.STATUS}${msg}` };
}

const sectionSchema = z.array(z.record(z.string(), z.unknown()));

function section(reply: Record<string, unknown>, name: string): Record<string, unknown>[] {
  const parsed = sectionSchema.safeParse(reply[name]);
  return parsed.success ? parsed.data : [];
}

const UNIT_MULTIPLIER: Readonly<Record<string, Dec>> = {
  KHS: new D('1e3'),
  MHS: new D('1e6'),
  GHS: new D('1e9'),
  THS: new D('1e12'),
};

/** Far above every network's total (Bitcoin's is ~10^21 H/s in 2026): no rig reports more. */
export const MAX_RIG_HASHRATE_HS = new D('1e21');
/** Chips and boards read between these; outside them the sensor or the firmware is broken. */
export const MIN_TEMPERATURE_C = new D(-50);
export const MAX_TEMPERATURE_C = new D(200);

/** A reply with a figure no working rig reports: the rig is shown offline with this reason. */
export interface ImpossibleFigure {
  impossible: string;
}

export function isImpossible(value: unknown): value is ImpossibleFigure {
  return typeof value === 'object' && value !== null && 'impossible' in value;
}

/** How a raw field is quoted in a reason: nan and inf were turned into null by the repair. */
function shown(raw: unknown): string {
  if (raw === null) return 'nan or inf';
  const text = typeof raw === 'string' ? JSON.stringify(raw) : String(raw);
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

/** A figure the rig sent: a finite decimal, or the reason it is not one. */
function readFigure(key: string, raw: unknown): Dec | ImpossibleFigure {
  const value = readDecimal(raw);
  if (value === null) return { impossible: `"${key}" is ${shown(raw)}, which is not a number` };
  return value;
}

export interface SummaryFigures {
  hashrateHs: Dec;
  uptimeS: number;
  /** Some firmwares (Whatsminer) put a temperature in the summary. */
  temperatureC: Dec | null;
}

/**
 * Reads the 5-second hash rate (else the average) and the uptime from a summary reply.
 * Null when it holds no hash rate; impossible when any hash-rate, uptime or temperature
 * field is negative, not a number, infinite or absurdly large: such a reply is not
 * trusted for any of its figures.
 */
export function readSummary(
  reply: Record<string, unknown>,
): SummaryFigures | ImpossibleFigure | null {
  const summary = section(reply, 'SUMMARY')[0];
  if (summary === undefined) return null;
  let hashrateHs: Dec | null = null;
  for (const window of ['5s', 'av']) {
    for (const [unit, multiplier] of Object.entries(UNIT_MULTIPLIER)) {
      const key = `${unit} ${window}`;
      if (!Object.hasOwn(summary, key)) continue;
      const value = readFigure(key, summary[key]);
      if (isImpossible(value)) return value;
      if (value.isNeg())
        return { impossible: `"${key}" is ${shown(summary[key])}; a hash rate cannot be negative` };
      const hs = value.mul(multiplier);
      if (hs.gt(MAX_RIG_HASHRATE_HS))
        return { impossible: `"${key}" is ${shown(summary[key])}, more than 10^21 H/s` };
      hashrateHs ??= hs;
    }
  }
  if (hashrateHs === null) return null;
  let uptimeS = 0;
  if (Object.hasOwn(summary, 'Elapsed')) {
    const elapsed = readFigure('Elapsed', summary['Elapsed']);
    if (isImpossible(elapsed)) return elapsed;
    if (elapsed.isNeg())
      return {
        impossible: `"Elapsed" is ${shown(summary['Elapsed'])}; an uptime cannot be negative`,
      };
    uptimeS = elapsed.floor().toNumber();
  }
  const temperatureC = hottest([summary]);
  if (isImpossible(temperatureC)) return temperatureC;
  return { hashrateHs, uptimeS, temperatureC };
}

const TEMPERATURE_KEY = /^(temp\d+(_\d+)?|temperature)$/i;

/**
 * The hottest reading among temp1…, temp2_1…, Temperature; zero (or below) means an
 * empty slot. A reading that is not a number or lies outside −50…200 °C is impossible.
 */
export function hottest(
  entries: readonly Record<string, unknown>[],
): Dec | ImpossibleFigure | null {
  let max: Dec | null = null;
  for (const entry of entries) {
    for (const [key, raw] of Object.entries(entry)) {
      if (!TEMPERATURE_KEY.test(key)) continue;
      const value = readFigure(key, raw);
      if (isImpossible(value)) return value;
      if (value.lt(MIN_TEMPERATURE_C) || value.gt(MAX_TEMPERATURE_C)) {
        return { impossible: `"${key}" is ${shown(raw)} °C, outside −50…200 °C` };
      }
      if (value.lte(0)) continue;
      max = max === null ? value : maxDec(max, value);
    }
  }
  return max;
}

/** The hottest temperature in a stats reply. */
export function readStatsTemperature(
  reply: Record<string, unknown>,
): Dec | ImpossibleFigure | null {
  return hottest(section(reply, 'STATS'));
}
