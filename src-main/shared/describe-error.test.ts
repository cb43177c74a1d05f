import { describe, expect, it } from 'vitest';
import { describeError } from './describe-error';

describe('describeError', () => {
  it('says what failed and, after it, what caused it, all the way down', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
      code: 'ECONNREFUSED',
    });
    const fetchFailed = new TypeError('fetch failed', { cause: refused });
    const poll = new Error('The price round stopped', { cause: fetchFailed });
    expect(describeError(poll)).toBe(
      'The price round stopped; caused by: fetch failed; caused by: connect ECONNREFUSED 127.0.0.1:9',
    );
  });

  it('reads what is not an Error: a string, a plain error body, anything else', () => {
    expect(describeError('disk full')).toBe('disk full');
    expect(describeError({ code: 'conflict', message: 'The data folder is in use.' })).toBe(
      'The data folder is in use.',
    );
    expect(describeError({ status: 503 })).toBe('{"status":503}');
    expect(describeError(42)).toBe('42');
    expect(describeError(undefined)).toBe('undefined');
  });

  it('names an error that has no message by its code', () => {
    const aggregate = Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' });
    expect(describeError(new Error('fetch failed', { cause: aggregate }))).toBe(
      'fetch failed; caused by: ECONNREFUSED',
    );
  });

  it('stops on a cause chain that loops', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.assign(a, { cause: b });
    expect(describeError(a)).toBe('a; caused by: b');
  });

  it('puts the stack in front only when asked, for a log line', () => {
    const error = new Error('outer', { cause: new Error('inner') });
    expect(describeError(error)).not.toContain('describe-error.test');
    const logged = describeError(error, { withStack: true });
    expect(logged).toMatch(/^Error: outer\n\s+at /);
    expect(logged).toContain('describe-error.test');
    expect(logged.endsWith('caused by: inner')).toBe(true);
  });
});
