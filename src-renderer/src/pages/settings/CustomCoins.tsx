import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useMemo, useState } from 'react';
import { customCoinSchema, type CustomCoin, type Settings } from '#api/records';
import { BUILTIN_COIN_FACTS, BUILTIN_COINS, customCoinClash } from '#shared/coins';
import { DEFAULT_EFFICIENCY_UNIT, EFFICIENCY_UNITS } from '#shared/efficiency';
import { options, type FieldSpec } from '../../forms/field-spec';
import { InlineForm } from '../../forms/InlineForm';
import { formatNumber } from '../../format';
import { toRpcError } from '../../api/rpc-failure';
import { Section } from './Section';
import { useSettingsSave } from './settings-save';

// The coins rigs can mine: the built-in ones (fixed) and the operator's own, added with
// the contract's customCoinSchema and removed unless a rig still mines them.

const coinFields = [
  { name: 'symbol', label: 'Symbol', kind: 'text', hint: 'e.g. DOGE', span: 1 },
  { name: 'algorithm', label: 'Algorithm', kind: 'text', hint: 'e.g. Scrypt', span: 2 },
  { name: 'blockTimeSec', label: 'Block time', kind: 'decimal', unit: 's', span: 1 },
  {
    name: 'hashesPerDifficulty',
    label: 'Hashes per difficulty',
    kind: 'decimal',
    unit: 'H',
    hint: 'Bitcoin-style: 4294967296 (2³²).',
    span: 2,
  },
  {
    name: 'efficiencyUnit',
    label: 'Efficiency in',
    kind: 'select',
    optional: true,
    options: options(EFFICIENCY_UNITS),
    hint: `As its machines are sold; ${DEFAULT_EFFICIENCY_UNIT} if left empty.`,
    span: 2,
  },
] satisfies FieldSpec[];

const EMPTY = {
  symbol: '',
  algorithm: '',
  blockTimeSec: '',
  hashesPerDifficulty: '',
  efficiencyUnit: '',
};

interface CoinRow {
  symbol: string;
  algorithm: string;
  blockTimeSec: string;
  hashesPerDifficulty: string;
  efficiencyUnit?: string | undefined;
  builtin: boolean;
}

function builtinRows(): CoinRow[] {
  return BUILTIN_COINS.map((symbol) => ({ symbol, ...BUILTIN_COIN_FACTS[symbol], builtin: true }));
}

export function CustomCoins({
  settings,
  onSaved,
}: {
  settings: Settings;
  onSaved(next: Settings): void;
}) {
  const { save } = useSettingsSave(onSaved);
  const remover = useSettingsSave(onSaved);
  const [removing, setRemoving] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);

  // The contract refuses a symbol that is built in or already listed; say so while typing.
  const schema = useMemo(() => {
    const existing = settings.coins.map((c) => c.symbol);
    return customCoinSchema.superRefine((coin, ctx) => {
      const clash = customCoinClash(coin.symbol, existing);
      if (clash !== null) ctx.addIssue({ code: 'custom', path: ['symbol'], message: clash });
    });
  }, [settings.coins]);

  const removeCoin = async (symbol: string) => {
    setRemoving(symbol);
    setRemoveError(null);
    try {
      await remover.save({ coins: settings.coins.filter((c) => c.symbol !== symbol) });
    } catch (cause) {
      // Shown below the table.
      setRemoveError(toRpcError(cause).message);
    }
    setRemoving(null);
  };

  const rows: CoinRow[] = [
    ...builtinRows(),
    ...settings.coins.map((coin: CustomCoin) => ({ ...coin, builtin: false })),
  ];

  return (
    <Section
      title="Coins"
      description="Built-in coins are fixed; add your own for rigs that mine something else."
    >
      <Table size="small" aria-label="Coins" sx={{ mb: 2 }}>
        <TableHead>
          <TableRow>
            <TableCell>Coin</TableCell>
            <TableCell>Algorithm</TableCell>
            <TableCell align="right">Block time</TableCell>
            <TableCell align="right">Hashes per difficulty</TableCell>
            <TableCell>Efficiency in</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.symbol} data-testid={`coin-${row.symbol}`}>
              <TableCell sx={{ fontWeight: 600 }}>{row.symbol}</TableCell>
              <TableCell>{row.algorithm}</TableCell>
              <TableCell align="right">{formatNumber(row.blockTimeSec, 3)} s</TableCell>
              <TableCell align="right">{formatNumber(row.hashesPerDifficulty, 8)}</TableCell>
              <TableCell>{row.efficiencyUnit ?? DEFAULT_EFFICIENCY_UNIT}</TableCell>
              <TableCell align="right">
                {row.builtin ? (
                  'Built in'
                ) : (
                  <Button
                    size="small"
                    onClick={() => void removeCoin(row.symbol)}
                    disabled={remover.pending}
                    title={`Remove ${row.symbol}`}
                  >
                    {removing === row.symbol ? 'Removing…' : `Remove ${row.symbol}`}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {removeError && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }} onClose={() => setRemoveError(null)}>
          {removeError}
        </Alert>
      )}
      <InlineForm
        schema={schema}
        fields={coinFields}
        initial={EMPTY}
        submitLabel="Add coin"
        clearOnSuccess
        successMessage="Coin added."
        onSubmit={(coin) =>
          save({ coins: [...settings.coins, coin] }, `coins.${settings.coins.length}`)
        }
      />
    </Section>
  );
}
