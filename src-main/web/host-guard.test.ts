import { describe, expect, it } from 'vitest';
import { allowedHostsFor, createHostGuard } from './host-guard';

describe('host guard', () => {
  const guard = createHostGuard(allowedHostsFor('127.0.0.1', 4820));

  it('accepts the loopback spellings of the listening port', () => {
    for (const host of ['127.0.0.1:4820', 'localhost:4820', 'LOCALHOST:4820', '[::1]:4820']) {
      expect(guard.hostAllowed(host)).toBe(true);
    }
  });

  it('refuses other names, other ports and a missing Host', () => {
    for (const host of ['evil.example:4820', '127.0.0.1:4821', '127.0.0.1', undefined]) {
      expect(guard.hostAllowed(host)).toBe(false);
    }
  });

  it('accepts no Origin or our own, and refuses any other', () => {
    expect(guard.originAllowed(undefined)).toBe(true);
    expect(guard.originAllowed('http://localhost:4820')).toBe(true);
    expect(guard.originAllowed('http://evil.example')).toBe(false);
    expect(guard.originAllowed('null')).toBe(false);
    expect(guard.originAllowed('https://127.0.0.1:4820')).toBe(false);
  });

  it('names an IPv6 listener in brackets', () => {
    expect(allowedHostsFor('::1', 9000)).toContain('[::1]:9000');
  });

  it('accepts the address itself when listening on every interface', () => {
    expect(allowedHostsFor('0.0.0.0', 9000)).toContain('0.0.0.0:9000');
  });
});
