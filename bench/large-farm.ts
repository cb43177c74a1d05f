// The large farm the benchmarks measure: 2,000 rigs (10 % LTC), 200 loans of all three
// repayment types with their payments, 1,000 positions (linear and inverse, isolated and
// cross, over 10 accounts) and 1,500 resolved alerts. Written as a backup document in
// data format 2, so RigLedger's own migrations bring it to the current format on import
// and the benchmark keeps working as the stored shape evolves.

const DAY_MS = 86_400_000;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function rigs() {
  return Array.from({ length: 2000 }, (_, i) => {
    const ltc = i % 10 === 0;
    return {
      id: `rig-${i}`,
      name: `${ltc ? 'L7' : 'S21'} #${i}`,
      model: ltc ? 'Antminer L7' : 'Antminer S21',
      coin: ltc ? 'LTC' : 'BTC',
      hashrate: ltc ? '9.5' : String(180 + (i % 40)),
      hashrateUnit: ltc ? 'GH/s' : 'TH/s',
      powerWatts: ltc ? '3425' : String(3400 + (i % 200)),
      quantity: 1 + (i % 3),
      poolFeePct: '2',
      status: i % 50 === 0 ? 'maintenance' : 'active',
      purchasedAt: isoDate(Date.UTC(2025, 0, 1) + (i % 300) * DAY_MS),
      purchasePriceUsd: ltc ? '7200' : '5400',
    };
  });
}

const REPAYMENTS = ['bullet', 'interest-only', 'amortizing'] as const;

function loans(start: number) {
  return Array.from({ length: 200 }, (_, i) => {
    const repayment = REPAYMENTS[i % 3]!;
    const startMs = start - (60 + (i % 300)) * DAY_MS;
    const months = Math.floor((start - startMs) / (30 * DAY_MS));
    // About 1,585 payments over the 200 loans: one a month for most, none for bullets.
    const paymentCount = repayment === 'bullet' ? (i % 6 === 0 ? 1 : 0) : Math.min(months, 12);
    const principal = 100_000 + (i % 9) * 50_000;
    // Collateral for an LTV of 40–60 % at $91,000 a bitcoin: a few loans near margin call.
    const collateral = principal / 91_000 / (0.4 + (i % 5) * 0.05);
    return {
      id: `loan-${i}`,
      lender: `Lender ${i % 17}`,
      principal: String(principal),
      currency: 'USD',
      aprPct: String(8 + (i % 8)),
      dayCount: 365,
      startDate: isoDate(startMs),
      termMonths: 24 + (i % 4) * 12,
      repayment,
      collateralAsset: 'BTC',
      collateralAmount: collateral.toFixed(4),
      marginCallLtvPct: '70',
      liquidationLtvPct: '80',
      payments: Array.from({ length: paymentCount }, (_, m) => ({
        date: isoDate(startMs + (m + 1) * 30 * DAY_MS),
        amount: String(1_000 + (i % 5) * 500),
      })),
    };
  });
}

function positions(start: number) {
  return Array.from({ length: 1000 }, (_, i) => {
    const inverse = i % 4 === 3;
    const long = i % 2 === 0;
    const entry = 88_000 + (i % 40) * 250;
    const leverage = 3 + (i % 8);
    const size = inverse ? 10_000 + (i % 10) * 1_000 : 0.1 + (i % 10) / 20;
    // The margin the leverage implies (the initial margin an exchange asks for), so the book
    // is a healthy one with a few positions near trouble at the benchmark's prices, not
    // hundreds opened already past their liquidation price.
    const cross = i % 3 === 0;
    const margin = inverse ? size / entry / leverage : (size * entry) / leverage;
    return {
      id: `pos-${i}`,
      account: `account-${i % 10}`,
      exchange: i % 5 === 0 ? 'Bybit' : 'Binance',
      symbol: inverse ? 'BTCUSD_PERP' : 'BTCUSDT',
      baseAsset: 'BTC',
      quoteAsset: inverse ? 'USD' : 'USDT',
      kind: inverse ? 'inverse' : 'linear',
      side: long ? 'long' : 'short',
      size: inverse ? String(size) : size.toFixed(2),
      entryPrice: String(entry),
      leverage: String(leverage),
      marginMode: cross ? 'cross' : 'isolated',
      // A cross wallet is one per account, shared by its ~33 cross positions: it holds
      // their margins together.
      walletBalance: (cross ? margin * 40 : margin).toFixed(inverse ? 6 : 2),
      maintenanceMarginRate: '0.005',
      maintenanceAmount: '0',
      formula: i % 5 === 0 ? 'maintenance-at-entry' : 'maintenance-at-liquidation',
      stopLoss: String(long ? entry * 0.95 : entry * 1.05),
      openedAt: new Date(start - (i % 30) * DAY_MS).toISOString(),
    };
  });
}

function resolvedAlerts(start: number) {
  return Array.from({ length: 1500 }, (_, i) => ({
    id: `alert-${i}`,
    rule: 'rig.offline',
    severity: 'warning',
    level: 1,
    subjectKind: 'rig',
    subjectId: `rig-${i % 2000}`,
    message: `Rig #${i % 2000} was offline for more than 10 min.`,
    value: null,
    threshold: null,
    raisedAt: new Date(start - (i + 2) * 3_600_000).toISOString(),
    resolvedAt: new Date(start - (i + 1) * 3_600_000).toISOString(),
  }));
}

/** The large farm as a backup document (data format 2), as of `now`. */
export function largeFarmBackup(now: Date) {
  const start = now.getTime();
  return {
    format: 'rigledger-backup',
    exportedAt: now.toISOString(),
    database: {
      schemaVersion: 2,
      rigs: rigs(),
      loans: loans(start),
      positions: positions(start),
      settings: undefined,
      alerts: resolvedAlerts(start),
      mutes: [],
      manualPrices: {},
      manualNetwork: {
        LTC: { difficulty: '92345678.12', blockReward: '6.25', at: now.toISOString() },
      },
      lastPrices: {},
      lastNetwork: {},
      realisedPnl: [],
    },
  };
}
