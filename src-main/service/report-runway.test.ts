import { describe, expect, it } from 'vitest';
import type { Runway } from '#api/runway';
import { openTestService } from './test-service';

// The runway in the printable report (docs/formulas-risk.md "Runway"): the words and
// figures a lender reads, from the same farm runway.get answers for.

const NOW = new Date('2028-03-01T00:00:00.000Z');

/** runway.test.ts's farm: 100 PH/s finding 0.05625 BTC a day, 40 days before the halving. */
async function halvingFarm() {
  const service = await openTestService({ now: () => NOW });
  await service.call('prices.setManual', { asset: 'BTC', usd: '80000' });
  await service.call('network.setManual', {
    coin: 'BTC',
    difficulty: '111758708953857.42',
    feesPerBlock: '0',
    height: 1_044_240,
  });
  await service.call('settings.update', { electricityPerKwh: '0.05' });
  await service.call('rigs.create', {
    name: 'Hall 1',
    coin: 'BTC',
    hashrate: '100',
    hashrateUnit: 'PH/s',
    powerWatts: '100000',
    quantity: 1,
    poolFeePct: '0',
  });
  // 55,000 over 1 BTC at $80,000 is 68.75 % LTV; a bullet loan's interest accrues on it.
  await service.call('loans.create', {
    lender: 'Northwind Credit',
    principal: '55000',
    aprPct: '12',
    startDate: '2028-03-01',
    termMonths: 24,
    repayment: 'bullet',
    collateralAsset: 'BTC',
    collateralAmount: '1',
    marginCallLtvPct: '70',
    liquidationLtvPct: '80',
  });
  return service;
}

/** The report's runway section, tags dropped, one line per cell or paragraph. */
function runwayText(html: string): string {
  const section = /<section aria-labelledby="runway">([\s\S]*?)<\/section>/.exec(html)?.[1];
  return (section ?? '')
    .replace(/<\/(td|th|p|h2|h3)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/\n+/g, '\n');
}

describe('the runway in the printable report', () => {
  it('shows the assumptions, the months with units and the conclusions of runway.get', async () => {
    const service = await halvingFarm();
    const runway = (await service.call('runway.get', {})) as Runway;
    const { html } = (await service.call('report.html', { asOf: '2028-03-01' })) as {
      html: string;
    };
    const text = runwayText(html);

    // A landmark of its own, listed with the other sections.
    expect(html).toContain('<li><a href="#runway">Runway: the next 12 months</a></li>');
    expect(html).toContain('<h2 id="runway">Runway: the next 12 months</h2>');
    expect(html.match(/<section /g)).toHaveLength(8);

    // Assumptions: the rate per retarget and where it came from, the halving, the price path.
    expect(text).toContain('Difficulty per retarget\n0 % per retarget (2,016 blocks)');
    expect(text).toContain(
      'Source of that rate\nyour setting (no retarget recorded yet and no chain estimate)',
    );
    expect(text).toContain(
      'Halving\nblock 1,050,000, expected 2028-04-10 00:00 UTC: 5,760 blocks, about 40 days away at one block per 10 min',
    );
    expect(text).toContain('Price path\nBTC $80,000.00 now, held flat; every coin alike');
    expect(text).toContain('BTC found now\n0.05625 BTC a day (running rigs, after pool fees)');
    expect(text).toContain('Power cost\n$120.00 a day, held');

    // The months: March from today, April with the halving (docs/formulas-risk.md examples).
    expect(text).toContain(
      'Month\nDays\nBTC produced\nBTC price\nRevenue\nPower cost\nInterest\nPrincipal due\nNet cash\nLTV Northwind Credit',
    );
    expect(text).toContain(
      'Mar 2028, 3 retargets\n31.0 d\n1.74335938 BTC\n$80,000.00 per BTC\n$139,468.75\n$3,720.00\n$0.00\n$0.00\n$135,748.75\n',
    );
    expect(text).toContain('Apr 2028, halving, 2 retargets\n30.0 d\n');
    expect(text).toContain('1.096875 BTC\n$80,000.00 per BTC\n$87,750.00\n$3,600.00');
    expect(runway.months).toHaveLength(12);
    for (const month of runway.months) {
      const ltv = month.loans[0]!.ltvPct!;
      expect(text).toContain(`${Number(ltv).toFixed(2)} %\n`);
    }

    // The conclusions: the loan's first month at its margin call, and the cash.
    const call = runway.marginCallFrom[0];
    expect(call).toMatchObject({ lender: 'Northwind Credit', month: '2028-04' });
    expect(runway.cashNegativeFrom).toBeNull();
    expect(text).toContain(
      "At today's price and 0 % difficulty per retarget, Northwind Credit reaches margin call in Apr 2028; the farm's cash stays positive through Feb 2029.",
    );
  });

  it('names the first month of negative net cash with its figure', async () => {
    const service = await halvingFarm();
    // Power at $1 a kWh costs $2,400 a day: more than the rigs earn a month after the halving.
    await service.call('settings.update', { electricityPerKwh: '1' });
    const runway = (await service.call('runway.get', {})) as Runway;
    const { html } = (await service.call('report.html', { asOf: '2028-03-01' })) as {
      html: string;
    };
    const text = runwayText(html);
    expect(runway.cashNegativeFrom).toBe('2028-05');
    // May: 0.871875 BTC × $80,000 = $69,750 against 31 × $2,400 = $74,400 of power; a
    // bullet loan bills nothing before it matures.
    expect(text).toContain(
      "the farm's cash turns negative in May 2028, after the Apr 2028 halving.",
    );
    expect(text).toContain('Net cash in May 2028: -$4,650.00.');
  });

  it('says why there is no runway for a day without Bitcoin’s height', async () => {
    const service = await openTestService({ now: () => NOW });
    await service.call('prices.setManual', { asset: 'BTC', usd: '80000' });
    const { html } = (await service.call('report.html', { asOf: '2028-03-01' })) as {
      html: string;
    };
    expect(runwayText(html)).toContain(
      'No runway from 2028-03-01: The runway needs Bitcoin’s difficulty and block height: let the chain feed run, or set them under network figures (difficulty and height).',
    );
  });
});
