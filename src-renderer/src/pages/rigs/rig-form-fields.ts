import { HASHRATE_UNITS } from '#shared/units';
import { options, type FieldSpec, type FormValues } from '../../forms/field-spec';

// The rig form. Labels are what operators and tests find fields by.

/** `coinChoices`: the coins a rig may mine, from `minableCoins` (#shared/coins). */
export function rigFormFields(coinChoices: readonly string[]): FieldSpec[] {
  return [
    { name: 'name', label: 'Name', kind: 'text', span: 3 },
    {
      name: 'model',
      label: 'Model',
      kind: 'text',
      optional: true,
      span: 3,
      hint: 'Optional, e.g. Antminer S21.',
    },
    { name: 'coin', label: 'Coin', kind: 'select', options: options(coinChoices) },
    { name: 'hashrate', label: 'Hash rate', kind: 'decimal', hint: 'Per machine.' },
    { name: 'hashrateUnit', label: 'Unit', kind: 'select', options: options(HASHRATE_UNITS) },
    {
      name: 'powerWatts',
      label: 'Power (W)',
      kind: 'decimal',
      hint: 'Per machine, at the wall.',
    },
    { name: 'quantity', label: 'Quantity', kind: 'integer', hint: 'How many identical machines.' },
    { name: 'poolFeePct', label: 'Pool fee', kind: 'decimal', percent: 'percent' },
    {
      name: 'electricityPerKwh',
      label: 'Electricity price',
      kind: 'decimal',
      unit: '$/kWh',
      optional: true,
      hint: 'Optional; the farm default otherwise.',
    },
    {
      name: 'status',
      label: 'Status',
      kind: 'select',
      options: [
        { value: 'active', label: 'Active' },
        { value: 'maintenance', label: 'Maintenance' },
        { value: 'retired', label: 'Retired' },
      ],
    },
    {
      name: 'purchasePriceUsd',
      label: 'Purchase price',
      kind: 'decimal',
      unit: 'USD',
      optional: true,
    },
    {
      name: 'endpoint.host',
      label: 'Miner API host',
      kind: 'text',
      optional: true,
      hint: 'Optional IP for live stats (cgminer).',
    },
    {
      name: 'endpoint.port',
      label: 'Miner API port',
      kind: 'integer',
      optional: true,
      hint: 'Default 4028.',
    },
    { name: 'purchasedAt', label: 'Purchased on', kind: 'date', optional: true },
    { name: 'notes', label: 'Notes', kind: 'multiline', optional: true, span: 6 },
  ];
}

export const NEW_RIG: FormValues = {
  coin: 'BTC',
  hashrateUnit: 'TH/s',
  quantity: '1',
  poolFeePct: '0',
  status: 'active',
};
