// A float64 reference for the benchmark: the same kind of figures a Snapshot carries
// (rig revenue and power cost, loan interest and LTV, position liquidation and distance),
// computed from scratch with plain JS numbers. It shows what a full rebuild costs when
// arithmetic is as cheap as it gets, so the decimal core's figures have a yardstick
// measured on the same machine in the same run. Not used by the app.

interface FarmLike {
  rigs: { hashrate: string; hashrateUnit: string; powerWatts: string; quantity: number }[];
  loans: { principal: string; aprPct: string; startDate: string; collateralAmount?: string }[];
  positions: {
    size: string;
    entryPrice: string;
    walletBalance: string;
    maintenanceMarginRate: string;
    side: string;
  }[];
}

const UNIT: Record<string, number> = {
  'H/s': 1,
  'kH/s': 1e3,
  'MH/s': 1e6,
  'GH/s': 1e9,
  'TH/s': 1e12,
  'PH/s': 1e15,
  'EH/s': 1e18,
};

export function floatRebuild(farm: FarmLike, priceUsd: number, now: number): number {
  const difficulty = 149_301_205_959_699.9;
  const perHash = (86_400 * 3.125) / (difficulty * 2 ** 32);
  let total = 0;
  for (const rig of farm.rigs) {
    const hs = Number(rig.hashrate) * (UNIT[rig.hashrateUnit] ?? 1) * rig.quantity;
    const revenue = hs * perHash * 0.98 * priceUsd;
    const power = ((Number(rig.powerWatts) * 24) / 1000) * 0.08 * rig.quantity;
    total += revenue - power;
  }
  for (const loan of farm.loans) {
    const days = (now - Date.parse(loan.startDate)) / 86_400_000;
    const outstanding = Number(loan.principal) * (1 + ((Number(loan.aprPct) / 100) * days) / 365);
    total += (outstanding / (Number(loan.collateralAmount ?? '1') * priceUsd)) * 100;
  }
  for (const p of farm.positions) {
    const q = Number(p.size);
    const s = p.side === 'long' ? 1 : -1;
    const lp =
      (Number(p.walletBalance) - s * q * Number(p.entryPrice)) /
      (q * Number(p.maintenanceMarginRate) - s * q);
    total += lp > 0 ? ((s * (priceUsd - lp)) / priceUsd) * 100 : 0;
  }
  return total;
}
