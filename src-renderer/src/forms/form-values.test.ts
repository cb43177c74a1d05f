import { describe, expect, it } from 'vitest';
import { rigInputSchema } from '#api/records';
import { RpcError } from '#api/errors';
import { fieldIssues } from '../api/rpc-failure';
import { rigFormFields } from '../pages/rigs/rig-form-fields';
import type { FieldSpec } from './field-spec';
import { issuesByField, percentIssues, toFormValues, toRecordInput } from './form-values';

const fields = rigFormFields([]);

describe('rig form values', () => {
  it('turns typed text into a rig the contract accepts, decimals kept as strings', () => {
    const input = toRecordInput(fields, {
      name: ' S21 row ',
      coin: 'BTC',
      hashrate: '200.5',
      hashrateUnit: 'TH/s',
      powerWatts: '3500',
      quantity: '12',
      poolFeePct: '2',
      status: 'active',
      model: '',
      'endpoint.host': '10.0.0.7',
    });
    expect(input).toEqual({
      name: 'S21 row',
      coin: 'BTC',
      hashrate: '200.5',
      hashrateUnit: 'TH/s',
      powerWatts: '3500',
      quantity: 12,
      poolFeePct: '2',
      status: 'active',
      endpoint: { host: '10.0.0.7' },
    });
    expect(rigInputSchema.safeParse(input).success).toBe(true);
  });

  it('puts each zod message under the field it is about', () => {
    const input = toRecordInput(fields, {
      name: 'x',
      coin: 'BTC',
      hashrate: '1,5',
      hashrateUnit: 'TH/s',
      powerWatts: '1',
      quantity: '1.5',
    });
    const result = rigInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issues = issuesByField(fields, result.error?.issues ?? []);
    expect(issues.hashrate).toMatch(/plain decimal number/);
    expect(issues.quantity).toBe('Quantity is a whole number.');
  });

  it('maps a host refusal (invalid_params with zod issues) onto the fields', () => {
    const error = new RpcError('invalid_params', 'The rig was not saved.', [
      { path: ['name'], message: 'A rig with this name exists.' },
      { path: [], message: 'Unrecognized key: "foo".' },
    ]);
    const issues = issuesByField(fields, fieldIssues(error));
    expect(issues.name).toBe('A rig with this name exists.');
    expect(issues['']).toBe('Unrecognized key: "foo".');
  });

  it('maps the service’s own refusal (details.issues with dotted paths) onto the fields', () => {
    const error = new RpcError('invalid_params', 'The rigs.create request was not accepted.', {
      issues: [
        { path: 'endpoint.port', message: 'Too big: expected number to be <=65535' },
        { path: 'coin', message: 'Unknown coin "DOGE".' },
      ],
    });
    const issues = issuesByField(fields, fieldIssues(error));
    expect(issues['endpoint.port']).toBe('Too big: expected number to be <=65535');
    expect(issues.coin).toBe('Unknown coin "DOGE".');
  });

  it('fills the form from a stored rig', () => {
    const values = toFormValues(fields, {
      name: 'A',
      quantity: 3,
      endpoint: { host: 'h', port: 4028 },
    });
    expect(values.quantity).toBe('3');
    expect(values['endpoint.port']).toBe('4028');
    expect(values.model).toBe('');
  });
});

describe('percent fields', () => {
  const percentFields: FieldSpec[] = [
    {
      name: 'marginCallLtvPct',
      label: 'Margin-call LTV',
      kind: 'decimal',
      percent: 'percent',
      guardFraction: true,
    },
    {
      name: 'maintenanceMarginRate',
      label: 'Maintenance margin rate',
      kind: 'decimal',
      percent: 'fraction',
      percentRange: ['0', '100'],
    },
  ];

  it('takes 70, 70% and 70 % alike and sends a rate typed as 0.5 % as the fraction 0.005', () => {
    for (const typed of ['70', '70%', '70 %']) {
      expect(
        toRecordInput(percentFields, { marginCallLtvPct: typed, maintenanceMarginRate: '0.5 %' }),
      ).toEqual({ marginCallLtvPct: '70', maintenanceMarginRate: '0.005' });
    }
  });

  it('shows a stored fraction as the percent a person reads', () => {
    expect(
      toFormValues(percentFields, { marginCallLtvPct: '70', maintenanceMarginRate: '0.004' }),
    ).toEqual({ marginCallLtvPct: '70', maintenanceMarginRate: '0.4' });
  });

  it('asks "did you mean 70 %?" for 0.7 and says a rate’s range in percent', () => {
    expect(
      percentIssues(percentFields, { marginCallLtvPct: '0.7', maintenanceMarginRate: '150' }),
    ).toEqual({
      marginCallLtvPct: '0.7 looks like a fraction: did you mean 70 %?',
      maintenanceMarginRate: 'Must be between 0 and 100 %.',
    });
    expect(
      percentIssues(percentFields, { marginCallLtvPct: '70', maintenanceMarginRate: '0.4' }),
    ).toEqual({});
  });
});
