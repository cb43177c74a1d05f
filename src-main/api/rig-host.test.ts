import { describe, expect, it } from 'vitest';
import { rigInputSchema } from './rig';
import { rigHostProblem } from './rig-host';

describe('a rig’s miner-API host', () => {
  it.each([
    '192.168.1.30',
    '10.0.0.255',
    'fe80::1',
    '[2001:db8::7]',
    '::ffff:10.0.0.1',
    'miner-07.local',
    'rack3',
  ])('accepts %s', (host) => expect(rigHostProblem(host)).toBeNull());

  it('refuses 192.168.1.300 with a sentence saying why', () => {
    expect(rigHostProblem('192.168.1.300')).toBe(
      '192.168.1.300 is not an IP address: each of its four numbers is between 0 and 255.',
    );
  });

  it.each(['192.168.1', '1.2.3.4.5', 'fe80:::1', '2001:db8::1::2', 'miner_07', '-rack', 'a..b'])(
    'refuses %s',
    (host) =>
      expect(rigHostProblem(host)).toMatch(/is not (an IP address|an IPv6 address|a host name)/),
  );

  it('is checked by the contract, on the host field', () => {
    const rig = {
      name: 'Rack 1',
      coin: 'BTC',
      hashrate: '200',
      hashrateUnit: 'TH/s',
      powerWatts: '3500',
      quantity: 1,
      endpoint: { host: '192.168.1.300' },
    };
    const checked = rigInputSchema.safeParse(rig);
    expect(checked.success).toBe(false);
    expect(checked.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'endpoint.host',
        '192.168.1.300 is not an IP address: each of its four numbers is between 0 and 255.',
      ],
    ]);
    expect(rigInputSchema.safeParse({ ...rig, endpoint: { host: '192.168.1.30' } }).success).toBe(
      true,
    );
  });
});
