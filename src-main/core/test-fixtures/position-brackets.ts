import type { MaintenanceBracket } from '#api/records';

// Binance's BTCUSDT perpetual leverage brackets as its "Leverage and Margin of USDⓈ-M
// Futures" table listed them (notional cap in USDT, maintenance margin rate, maintenance
// amount "cum", max leverage). Each cum follows Binance's "Maintenance Amount formula":
// cum(n) = floor(n) × (MMR(n) − MMR(n−1)) + cum(n−1), e.g. 250,000 × 0.5 % + 50 = 1,300.
export const BINANCE_BTCUSDT_BRACKETS: MaintenanceBracket[] = [
  ['50000', '0.004', '0', '125'],
  ['250000', '0.005', '50', '100'],
  ['1000000', '0.01', '1300', '50'],
  ['10000000', '0.025', '16300', '20'],
  ['20000000', '0.05', '266300', '10'],
  ['50000000', '0.1', '1266300', '5'],
  ['100000000', '0.125', '2516300', '4'],
  ['200000000', '0.15', '5016300', '3'],
  ['300000000', '0.25', '25016300', '2'],
  ['500000000', '0.5', '100016300', '1'],
].map(([notionalCap, maintenanceMarginRate, maintenanceAmount, maxLeverage]) => ({
  notionalCap: notionalCap!,
  maintenanceMarginRate: maintenanceMarginRate!,
  maintenanceAmount: maintenanceAmount!,
  maxLeverage: maxLeverage!,
}));
