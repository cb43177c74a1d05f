import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BarrierDirection, firstPassageProbability, normalCdf } from './first-passage';

// docs/formulas-risk.md "First passage": the closed form against hand-checked values and
// against a seeded Monte-Carlo simulation of the same price process.

const pct = (terms: Parameters<typeof firstPassageProbability>[0], direction: BarrierDirection) =>
  firstPassageProbability(terms, direction) * 100;

/** Mulberry32: a small, fast, seeded generator of uniforms in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Share of simulated paths of ln S (drift −σ²/2) that touch the barrier. Between two
 * steps that both stay on the safe side, the path still crossed with the Brownian-bridge
 * probability exp(−2·d₀·d₁ / σ²Δt) (d = distance to the barrier in log price), so a few
 * steps give an unbiased estimate of continuous monitoring.
 */
function simulatedHitPct(
  terms: { spot: number; barrier: number; volatility: number; years: number },
  direction: BarrierDirection,
  paths: number,
  steps: number,
  seed: number,
): number {
  const uniform = mulberry32(seed);
  const sigma = terms.volatility;
  const dt = terms.years / steps;
  const drift = (-(sigma * sigma) / 2) * dt;
  const sd = sigma * Math.sqrt(dt);
  const b = Math.log(terms.barrier / terms.spot);
  const sign = direction === 'fall' ? 1 : -1;
  let hits = 0;
  for (let path = 0; path < paths; path++) {
    let x = 0;
    for (let step = 0; step < steps; step++) {
      // Box–Muller: one standard normal from two uniforms.
      const z = Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
      const next = x + drift + sd * z;
      const d0 = sign * (x - b);
      const d1 = sign * (next - b);
      if (d1 <= 0 || uniform() < Math.exp((-2 * d0 * d1) / (sd * sd))) {
        hits++;
        break;
      }
      x = next;
    }
  }
  return (hits / paths) * 100;
}

describe('normal distribution', () => {
  it('matches the published table values of Φ', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.1586553, 6);
    expect(normalCdf(-3)).toBeCloseTo(0.0013499, 6);
  });
});

describe('first-passage probability of a driftless price (GBM, log drift −σ²/2)', () => {
  const month = 30 / 365;
  it('a 20 % fall within 30 days at 60 % volatility: 21.70 %', () => {
    expect(pct({ spot: 100, barrier: 80, volatility: 0.6, years: month }, 'fall')).toBeCloseTo(
      21.7023,
      3,
    );
  });
  it('a 20 % rise within 30 days at 60 % volatility: 26.35 %', () => {
    expect(pct({ spot: 100, barrier: 120, volatility: 0.6, years: month }, 'rise')).toBeCloseTo(
      26.3455,
      3,
    );
  });
  it("the demo loan's margin call (91,250 → 68,681.32) within 7 days at 60 %: 0.07 %", () => {
    const terms = { spot: 91_250, barrier: 68_681.32, volatility: 0.6, years: 7 / 365 };
    expect(pct(terms, 'fall')).toBeCloseTo(0.072271, 4);
  });
  it('a price already at or past its barrier has touched it', () => {
    expect(pct({ spot: 100, barrier: 100, volatility: 0.6, years: month }, 'fall')).toBe(100);
    expect(pct({ spot: 100, barrier: 130, volatility: 0.6, years: month }, 'fall')).toBe(100);
    expect(pct({ spot: 100, barrier: 70, volatility: 0.6, years: month }, 'rise')).toBe(100);
  });
  it('no volatility or no time: the barrier is not reached', () => {
    expect(pct({ spot: 100, barrier: 90, volatility: 0, years: month }, 'fall')).toBe(0);
    expect(pct({ spot: 100, barrier: 90, volatility: 0.6, years: 0 }, 'fall')).toBe(0);
  });

  it.each([
    { spot: 100, barrier: 90, volatility: 0.6, days: 30, direction: 'fall' as const },
    { spot: 100, barrier: 115, volatility: 0.8, days: 30, direction: 'rise' as const },
    { spot: 100, barrier: 95, volatility: 0.8, days: 7, direction: 'fall' as const },
    { spot: 100, barrier: 80, volatility: 0.45, days: 30, direction: 'fall' as const },
  ])(
    'agrees with a seeded Monte-Carlo of 200,000 paths within 0.5 points: $direction to $barrier at σ $volatility over $days days',
    ({ spot, barrier, volatility, days, direction }) => {
      const terms = { spot, barrier, volatility, years: days / 365 };
      const closed = pct(terms, direction);
      const simulated = simulatedHitPct(terms, direction, 200_000, 4, 20_261_202 + barrier);
      expect(Math.abs(closed - simulated)).toBeLessThan(0.5);
    },
  );
});

describe('first-passage properties', () => {
  const arbitraryTerms = fc.record({
    distancePct: fc.double({ min: 0.5, max: 60, noNaN: true }),
    volatility: fc.double({ min: 0.05, max: 2, noNaN: true }),
    days: fc.integer({ min: 1, max: 365 }),
    direction: fc.constantFrom<BarrierDirection>('fall', 'rise'),
  });
  const barrierOf = (distancePct: number, direction: BarrierDirection) =>
    direction === 'fall' ? 100 * (1 - distancePct / 100) : 100 * (1 + distancePct / 100);

  it('odds rise with volatility, rise with the horizon and fall with the distance', () => {
    fc.assert(
      fc.property(arbitraryTerms, ({ distancePct, volatility, days, direction }) => {
        const base = {
          spot: 100,
          barrier: barrierOf(distancePct, direction),
          volatility,
          years: days / 365,
        };
        const p = firstPassageProbability(base, direction);
        const tol = 1e-12;
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(
          firstPassageProbability({ ...base, volatility: volatility * 1.2 }, direction),
        ).toBeGreaterThanOrEqual(p - tol);
        expect(
          firstPassageProbability({ ...base, years: (days + 7) / 365 }, direction),
        ).toBeGreaterThanOrEqual(p - tol);
        const farther = { ...base, barrier: barrierOf(Math.min(distancePct * 1.2, 95), direction) };
        expect(firstPassageProbability(farther, direction)).toBeLessThanOrEqual(p + tol);
      }),
    );
  });
});
