// The chance that a price following geometric Brownian motion touches a barrier within a
// horizon (docs/formulas-risk.md "First passage"). Probabilities are statistics, not money:
// they are computed in binary floating point and leave as percent strings.

export type BarrierDirection = 'fall' | 'rise';

export interface FirstPassageTerms {
  /** Price now (> 0). */
  spot: number;
  /** The price that must be touched (> 0). */
  barrier: number;
  /** Annualised volatility as a fraction (0.6 = 60 %). */
  volatility: number;
  /** Horizon in years. */
  years: number;
  /** Log drift per year; RigLedger uses −σ²/2 (no drift in the price itself). */
  logDrift?: number;
}

/**
 * Complementary error function, Chebyshev fit with fractional error below 1.2e-7
 * everywhere (Press et al., Numerical Recipes in C, 2nd ed., §6.2 `erfcc`).
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t *
                          (-1.13520398 +
                            t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const r = t * Math.exp(poly);
  return x >= 0 ? r : 2 - r;
}

/** Standard normal cumulative distribution Φ(x) = erfc(−x/√2)/2. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** Which way the price must move from `spot` to touch `barrier`. */
export function directionTo(spot: number, barrier: number): BarrierDirection {
  return barrier < spot ? 'fall' : 'rise';
}

/**
 * P(the price touches the barrier at some time in [0, T]) for X = ln(S/S₀) = νt + σW:
 * down, b = ln(B/S₀) < 0: Φ((b − νT)/σ√T) + e^{2νb/σ²} Φ((b + νT)/σ√T);
 * up, b > 0: Φ((−b + νT)/σ√T) + e^{2νb/σ²} Φ((−b − νT)/σ√T).
 * A price already at or past the barrier (on the side `direction` moves to) has touched it.
 */
export function firstPassageProbability(
  terms: FirstPassageTerms,
  direction: BarrierDirection,
): number {
  const { spot, barrier, volatility: sigma, years } = terms;
  // docs/formulas-risk.md "First passage" (Shreve II §7.2.2; Borodin–Salminen 2.1.1.4).
  const nu = terms.logDrift ?? -(sigma * sigma) / 2;
  const b = Math.log(barrier / spot);
  const reached = direction === 'fall' ? b >= 0 : b <= 0;
  if (reached) return 1;
  if (sigma <= 0 || years <= 0) return 0;
  const scale = sigma * Math.sqrt(years);
  const reflection = Math.exp((2 * nu * b) / (sigma * sigma));
  const p =
    direction === 'fall'
      ? normalCdf((b - nu * years) / scale) + reflection * normalCdf((b + nu * years) / scale)
      : normalCdf((-b + nu * years) / scale) + reflection * normalCdf((-b - nu * years) / scale);
  return Math.min(1, Math.max(0, p));
}
