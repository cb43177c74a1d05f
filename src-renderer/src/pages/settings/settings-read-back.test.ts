import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RpcError } from '#api/errors';
import { fieldIssues } from '../../api/rpc-failure';
import { notKept, readBackFailure, refusalForSection } from './settings-read-back';

// "Saved." is said only when the settings read back hold what the section sent.

const leaf = fc.oneof(
  fc.boolean(),
  fc.integer(),
  fc.string({ minLength: 1 }),
  fc.stringMatching(/^\d{1,4}\.\d{1,3}$/),
);
const settingsLike = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('object'), tie('list')),
  object: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), tie('value')),
  list: fc.array(tie('value'), { maxLength: 3 }),
})).object;

describe('notKept', () => {
  it('finds nothing missing when the same settings come back, with more beside them', () => {
    fc.assert(
      fc.property(settingsLike, fc.string(), (sent, extra) => {
        expect(notKept(sent, { ...sent, addedByTheService: extra })).toEqual([]);
      }),
    );
  });

  it('names the path of a value that came back different', () => {
    fc.assert(
      fc.property(settingsLike, fc.string({ minLength: 1 }), (inner, text) => {
        const sent = { outer: { ...inner, changed: `${text}!` } };
        const stored = { outer: { ...inner, changed: text } };
        expect(notKept(sent, stored)).toEqual(['outer.changed']);
      }),
    );
  });

  it('compares decimals as numbers, empties as removals, and trusts secretsSet', () => {
    expect(notKept({ risk: { oddsAlertPct: '10.0' } }, { risk: { oddsAlertPct: '10' } })).toEqual(
      [],
    );
    expect(notKept({ risk: { oddsAlertPct: '10.5' } }, { risk: { oddsAlertPct: '10' } })).toEqual([
      'risk.oddsAlertPct',
    ]);
    expect(notKept({ dashboardUrl: '' }, {})).toEqual([]);
    expect(notKept({ dashboardUrl: '' }, { dashboardUrl: 'https://x.example' })).toEqual([
      'dashboardUrl',
    ]);
    const channel = { kind: 'ntfy', topic: 'farm', token: 's3cret' };
    expect(
      notKept(
        { channels: [channel] },
        { channels: [{ ...channel, token: undefined, id: 'c1', secretsSet: ['token'] }] },
      ),
    ).toEqual([]);
    expect(
      notKept({ channels: [channel] }, { channels: [{ kind: 'ntfy', topic: 'farm', id: 'c1' }] }),
    ).toEqual(['channels.0.token']);
    expect(notKept({ channels: [channel] }, { channels: [] })).toEqual(['channels']);
  });
});

describe('readBackFailure', () => {
  it('is null when everything was kept', () => {
    expect(readBackFailure({ offline: true }, { offline: true, sources: {} })).toBeNull();
  });

  it('puts a value not kept on the section’s own field, saying what is stored', () => {
    const failure = readBackFailure(
      { sources: { binance: { baseUrl: 'https://a.example' } } },
      { sources: { binance: { baseUrl: 'https://api.binance.com' } } },
      'sources',
    );
    expect(failure).toBeInstanceOf(RpcError);
    expect(fieldIssues(failure!)).toEqual([
      {
        path: ['binance', 'baseUrl'],
        message: 'Not stored: the settings read back hold “https://api.binance.com” here.',
      },
    ]);
  });
});

describe('refusalForSection', () => {
  it('takes the section’s prefix off each field path of the host’s refusal', () => {
    const refusal = new RpcError('invalid_params', 'Check the highlighted fields.', {
      issues: [
        { path: 'notifications.escalation.afterMinutes', message: 'At least 1 minute.' },
        { path: '', message: 'Something about the whole.' },
      ],
    });
    const mapped = refusalForSection(refusal, 'notifications');
    expect(mapped.message).toBe('Check the highlighted fields.');
    expect(fieldIssues(mapped)).toEqual([
      { path: ['escalation', 'afterMinutes'], message: 'At least 1 minute.' },
      { path: [], message: 'Something about the whole.' },
    ]);
  });

  it('leaves other failures as they are', () => {
    const down = new RpcError('internal', 'RigLedger hit an unexpected problem.');
    expect(refusalForSection(down, 'sources')).toBe(down);
  });
});
