import { describe, expect, it } from 'vitest';
import { LEAVE_QUESTION, leaveQuestion } from './unsaved-changes';

describe('leaveQuestion', () => {
  it('names each section with typed changes once', () => {
    expect(leaveQuestion(['Price sources'])).toBe(
      'You have changes that are not saved in Price sources. Leave and lose them?',
    );
    expect(
      leaveQuestion(['Alert thresholds', '', 'Price sources', 'Alert thresholds', 'Coins']),
    ).toBe(
      'You have changes that are not saved in Alert thresholds, Price sources and Coins. Leave and lose them?',
    );
  });

  it('asks in general when the forms sit in no named section', () => {
    expect(leaveQuestion(['', ''])).toBe(LEAVE_QUESTION);
  });
});
