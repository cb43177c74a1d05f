import { afterEach, describe, expect, it } from 'vitest';
import { type FakeCgminer, startFakeCgminer } from '#fixtures/fake-cgminer';
import { rigLiveSchema } from '#api/snapshot';
import { pollRig } from './cgminer';

// The rig-fault matrix: every way a rig's cgminer API can fail or lie, each polled
// several times, always ends offline with a reason the operator can act on. Outcomes
// never depend on timing: the deadline is short (0.3 s) and the faults never recover.

const AT = new Date('2026-11-24T17:05:00Z');
const DEADLINE_MS = 300;
const POLLS = 3;
const rigs: FakeCgminer[] = [];

afterEach(async () => {
  await Promise.all(rigs.splice(0).map((rig) => rig.close()));
});

type Fault = (rig: FakeCgminer) => Promise<void> | void;

const impossible = (what: string) =>
  new RegExp(
    `^The rig at 127\\.0\\.0\\.1:\\d+ reported a figure no working rig reports \\(${what}\\); it is treated as offline until its readings make sense\\.$`,
  );

/** A fault's deadline when it is not DEADLINE_MS: the size cap must end it, however slow the machine. */
const SIZE_CAPPED_DEADLINE_MS = 30_000;

const matrix: [string, Fault, RegExp, number?][] = [
  [
    'refuses the connection',
    (rig) => rig.setDown(true),
    /^The rig at 127\.0\.0\.1:\d+ refused the connection \(is its API enabled\?\)\.$/,
  ],
  [
    'never answers (timeout)',
    (rig) => rig.setBehaviour('hang'),
    /^The rig at 127\.0\.0\.1:\d+ did not answer within 0\.3 s\.$/,
  ],
  [
    'drips its reply byte by byte, never finishing',
    (rig) => rig.setBehaviour('drip'),
    /^The rig at 127\.0\.0\.1:\d+ did not (finish its reply|answer) within 0\.3 s/,
  ],
  [
    'answers with garbage',
    (rig) => rig.setBehaviour('garbage'),
    /^The rig at 127\.0\.0\.1:\d+ sent a reply that is not cgminer JSON \("HTTP\/1\.1 400 Bad Request/,
  ],
  [
    'reports a negative hash rate',
    (rig) => rig.setRawFigures({ summary: { 'GHS 5s': '-13500.5' } }),
    impossible('"GHS 5s" is -13500\\.5; a hash rate cannot be negative'),
  ],
  [
    'reports a negative average while the 5 s rate looks fine',
    (rig) => rig.setRawFigures({ summary: { 'GHS av': '-1' } }),
    impossible('"GHS av" is -1; a hash rate cannot be negative'),
  ],
  [
    'reports NaN as its hash rate',
    (rig) => rig.setRawFigures({ summary: { 'GHS 5s': 'nan' } }),
    impossible('"GHS 5s" is nan or inf, which is not a number'),
  ],
  [
    'reports NaN as a string',
    (rig) => rig.setRawFigures({ summary: { 'GHS 5s': '"NaN"' } }),
    impossible('"GHS 5s" is "NaN", which is not a number'),
  ],
  [
    'reports an infinite hash rate (bare inf)',
    (rig) => rig.setRawFigures({ summary: { 'GHS 5s': 'inf' } }),
    impossible('"GHS 5s" is nan or inf, which is not a number'),
  ],
  [
    'reports a hash rate that overflows to Infinity (1e999)',
    (rig) => rig.setRawFigures({ summary: { 'GHS 5s': '1e999' } }),
    impossible('"GHS 5s" is Infinity, which is not a number'),
  ],
  [
    'reports an absurd hash rate (> 10^21 H/s)',
    (rig) => rig.setRawFigures({ summary: { 'GHS 5s': '2e12' } }),
    impossible('"GHS 5s" is 2000000000000, more than 10\\^21 H/s'),
  ],
  [
    'reports a negative uptime',
    (rig) => rig.setRawFigures({ summary: { Elapsed: '-60' } }),
    impossible('"Elapsed" is -60; an uptime cannot be negative'),
  ],
  [
    'reports a chip at 900 °C',
    (rig) => rig.setRawFigures({ stats: { temp2_2: '900' } }),
    impossible('"temp2_2" is 900 °C, outside −50…200 °C'),
  ],
  [
    'reports a board at −273 °C',
    (rig) => rig.setRawFigures({ stats: { temp1: '-273' } }),
    impossible('"temp1" is -273 °C, outside −50…200 °C'),
  ],
  [
    'reports a temperature of nan',
    (rig) => rig.setRawFigures({ summary: { Temperature: 'nan' } }),
    impossible('"Temperature" is nan or inf, which is not a number'),
  ],
  [
    'answers with STATUS=E',
    (rig) => rig.setBehaviour('error-status'),
    /^The rig at 127\.0\.0\.1:\d+ refused "summary": it answered with status E: Invalid command\.$/,
  ],
  [
    'sends a 2 MB reply',
    (rig) => rig.setBehaviour('huge'),
    /^The rig at 127\.0\.0\.1:\d+ sent more than 1 MB; that is not a cgminer reply\.$/,
    SIZE_CAPPED_DEADLINE_MS,
  ],
];

describe('rig-fault matrix: a broken or lying rig is always offline, with the reason', () => {
  for (const [name, fault, reason, deadlineMs = DEADLINE_MS] of matrix) {
    it(`a rig that ${name}`, async () => {
      const rig = await startFakeCgminer({ port: 0, ghs5s: '13500.5' });
      rigs.push(rig);
      await fault(rig);
      for (let poll = 0; poll < POLLS; poll += 1) {
        const live = await pollRig(
          { host: '127.0.0.1', port: rig.port },
          { now: () => AT, timeoutMs: deadlineMs },
        );
        expect(live).toMatchObject({
          online: false,
          hashrateHs: '0',
          temperatureC: null,
          at: AT.toISOString(),
        });
        expect(live.error).toMatch(reason);
        expect(rigLiveSchema.parse(live)).toEqual(live);
      }
    });
  }

  it('a healthy rig on the same fixture is online (the matrix is not vacuous)', async () => {
    const rig = await startFakeCgminer({ port: 0, ghs5s: '13500.5', temperatures: [0, 65] });
    rigs.push(rig);
    rig.setRawFigures({ stats: { temp3: '-20' } }); // a cold idle board within range
    const live = await pollRig(
      { host: '127.0.0.1', port: rig.port },
      { now: () => AT, timeoutMs: DEADLINE_MS },
    );
    expect(live).toMatchObject({ online: true, hashrateHs: '13500500000000', temperatureC: '65' });
  });
});
