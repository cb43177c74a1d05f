import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionLabels } from './position-labels';

const position = (id: string, size: string, account = 'Main', side = 'short') => ({
  id,
  symbol: 'BTCUSDT',
  side,
  size,
  account,
});

describe('position labels', () => {
  it('names a position by symbol and side when that is enough', () => {
    const labels = positionLabels([position('a', '1'), position('b', '1', 'Main', 'long')]);
    expect([...labels.values()]).toEqual(['BTCUSDT short', 'BTCUSDT long']);
  });

  it('adds the size, then the account, then a number to tell two of one symbol apart', () => {
    const labels = positionLabels([
      position('a', '0.5'),
      position('b', '1.25'),
      position('c', '2', 'Hedge'),
      position('d', '2', 'Main'),
      position('e', '3', 'Main'),
      position('f', '3', 'Main'),
    ]);
    expect([...labels.values()]).toEqual([
      'BTCUSDT short 0.5',
      'BTCUSDT short 1.25',
      'BTCUSDT short 2 Hedge',
      'BTCUSDT short 2 Main',
      'BTCUSDT short 3 Main #1',
      'BTCUSDT short 3 Main #2',
    ]);
  });

  it('never gives two positions the same label', () => {
    const arbitrary = fc.array(
      fc.record({
        size: fc.constantFrom('1', '2', '0.5'),
        account: fc.constantFrom('Main', 'Hedge'),
        side: fc.constantFrom('long', 'short'),
        symbol: fc.constantFrom('BTCUSDT', 'BTCUSD'),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arbitrary, (list) => {
        const labels = positionLabels(list.map((p, i) => ({ ...p, id: `p${i}` })));
        expect(new Set(labels.values()).size).toBe(list.length);
      }),
    );
  });
});
