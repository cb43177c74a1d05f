import { options, type FieldSpec, type FormValues } from '../../forms/field-spec';
import { nowLocalInput } from '../../forms/form-values';

// The position form (the Position record), in the words exchanges use.

export const positionFormFields: FieldSpec[] = [
  {
    name: 'account',
    label: 'Account',
    kind: 'text',
    hint: 'Cross positions share an account’s wallet.',
  },
  { name: 'exchange', label: 'Exchange', kind: 'text' },
  { name: 'symbol', label: 'Symbol', kind: 'text', hint: 'e.g. BTCUSDT' },
  { name: 'baseAsset', label: 'Base asset', kind: 'text', hint: 'The coin, e.g. BTC.' },
  { name: 'quoteAsset', label: 'Quote asset', kind: 'text', hint: 'USDT, USD…' },
  {
    name: 'kind',
    label: 'Kind',
    kind: 'select',
    options: [
      { value: 'linear', label: 'Linear (USDⓈ-M)' },
      { value: 'inverse', label: 'Inverse (coin-M)' },
    ],
  },
  { name: 'side', label: 'Side', kind: 'select', options: options(['long', 'short']) },
  {
    name: 'size',
    label: 'Size',
    kind: 'decimal',
    hint: 'Linear: coins; inverse: USD contract value.',
  },
  { name: 'entryPrice', label: 'Entry price', kind: 'decimal', unit: 'USD' },
  { name: 'leverage', label: 'Leverage', kind: 'decimal', unit: '×' },
  {
    name: 'marginMode',
    label: 'Margin mode',
    kind: 'select',
    options: options(['isolated', 'cross']),
  },
  {
    name: 'walletBalance',
    label: 'Wallet balance',
    kind: 'decimal',
    hint: 'Isolated margin, or the cross wallet; coin for inverse.',
  },
  {
    name: 'maintenanceMarginRate',
    label: 'Maintenance margin rate',
    kind: 'decimal',
    percent: 'fraction',
    percentRange: ['0', '100'],
    hint: 'As the exchange lists it, e.g. 0.4 %.',
  },
  {
    name: 'maintenanceAmount',
    label: 'Maintenance amount',
    kind: 'decimal',
    hint: 'Binance “cum”, Bybit “MM deduction”.',
  },
  {
    name: 'formula',
    label: 'Liquidation formula',
    kind: 'select',
    optional: true,
    hint: 'Empty: the exchange’s own (Bybit → Bybit style, others Binance style).',
    options: [
      { value: 'maintenance-at-liquidation', label: 'Binance style' },
      { value: 'maintenance-at-entry', label: 'Bybit style' },
    ],
  },
  {
    name: 'reportedLiquidationPrice',
    label: 'Reported liquidation price',
    kind: 'decimal',
    unit: 'USD',
    optional: true,
    hint: 'Optional: as the exchange shows it.',
  },
  { name: 'stopLoss', label: 'Stop loss', kind: 'decimal', unit: 'USD', optional: true },
  {
    name: 'stopTrigger',
    label: 'Stop trigger',
    kind: 'select',
    optional: true,
    options: [
      { value: 'mark', label: 'Mark price' },
      { value: 'last', label: 'Last price' },
    ],
  },
  { name: 'takeProfit', label: 'Take profit', kind: 'decimal', unit: 'USD', optional: true },
  { name: 'openedAt', label: 'Opened at', kind: 'datetime' },
];

export function newPositionValues(): FormValues {
  return {
    quoteAsset: 'USDT',
    baseAsset: 'BTC',
    kind: 'linear',
    side: 'short',
    marginMode: 'isolated',
    maintenanceMarginRate: '0.5',
    maintenanceAmount: '0',
    openedAt: nowLocalInput(),
  };
}
