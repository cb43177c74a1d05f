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

export interface SummaryFigures {
  hashrateHs: Dec;
  uptimeS: number;
  /** Some firmwares (Whatsminer) put a temperature in the summary. */
  temperatureC: Dec | null;
}

/** Reads the 5-second hash rate (else the average) and the uptime from a summary reply. */
export function readSummary(reply: Record<string, unknown>): SummaryFigures | null {
  const summary = section(reply, 'SUMMARY')[0];
  if (summary === undefined) return null;
  let hashrateHs: Dec | null = null;
  for (const window of ['5s', 'av']) {
    for (const [unit, multiplier] of Object.entries(UNIT_MULTIPLIER)) {
      const value = readDecimal(summary[`${unit} ${window}`]);
      if (hashrateHs === null && value !== null && !value.isNeg())
        hashrateHs = value.mul(multiplier);
    }
  }
  if (hashrateHs === null) return null;
  const elapsed = readDecimal(summary['Elapsed']);
  const uptimeS = elapsed === null || elapsed.isNeg() ? 0 : elapsed.floor().toNumber();
  return { hashrateHs, uptimeS, temperatureC: hottest([summary]) };
}

const TEMPERATURE_KEY = /^(temp\d+(_\d+)?|temperature)$/i;

/** The hottest reading among temp1…, temp2_1…, Temperature; zero means an empty slot. */
export function hottest(entries: readonly Record<string, unknown>[]): Dec | null {
  let max: Dec | null = null;
  for (const entry of entries) {
    for (const [key, raw] of Object.entries(entry)) {
      if (!TEMPERATURE_KEY.test(key)) continue;
      const value = readDecimal(raw);
      if (value === null || value.lte(0) || value.gt(200)) continue;
      max = max === null ? value : maxDec(max, value);
    }
  }
  return max;
}

/** The hottest temperature in a stats reply. */
export function readStatsTemperature(reply: Record<string, unknown>): Dec | null {
  return hottest(section(reply, 'STATS'));
}
