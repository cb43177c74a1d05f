import { describe, expect, it } from 'vitest';
import { type HistoryValue, meanRetargetPct } from './difficulty-trend';

// docs/formulas-risk.md "Difficulty per retarget".

describe('mean difficulty change per retarget from recorded history', () => {
  it('averages the retargets observed: +4 % and −2 % → +1 %', () => {
    const points: HistoryValue[] = [
      ['2026-09-01T00:00:00.000Z', '100'],
      ['2026-09-05T00:00:00.000Z', '100'],
      ['2026-09-10T00:00:00.000Z', '104'],
      ['2026-09-20T00:00:00.000Z', '104'],
      ['2026-09-24T00:00:00.000Z', '101.92'],
    ];
    expect(meanRetargetPct(points)?.toString()).toBe('1');
  });
  it('counts a retarget blended into an hourly mean as one retarget', () => {
    const points: HistoryValue[] = [
      ['2026-09-10T10:00:00.000Z', '100'],
      // The hour of the retarget: half old, half new.
      ['2026-09-10T11:00:00.000Z', '102'],
      ['2026-09-10T12:00:00.000Z', '104'],
    ];
    expect(meanRetargetPct(points)?.toString()).toBe('4');
  });
  it('is null when the difficulty never changed', () => {
    expect(
      meanRetargetPct([
        ['2026-09-10T10:00:00.000Z', '100'],
        ['2026-09-11T10:00:00.000Z', '100'],
      ]),
    ).toBeNull();
  });
});
