import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { z } from 'zod';
import { assetSymbol, nonNegativeDecimal, positiveDecimal } from '#api/fields';
import type { NetworkEntry } from '#api/snapshot';
import { StatusChip } from '../../components/StatusChip';
import type { FieldSpec } from '../../forms/field-spec';
import { InlineForm } from '../../forms/InlineForm';
import { formatAge, formatCoin, formatHashrate, formatNumber } from '../../format';
import { useAction } from '../../state/use-call';
import { Section } from './Section';

const manualNetworkSchema = z.object({
  coin: assetSymbol,
  difficulty: positiveDecimal,
  blockReward: nonNegativeDecimal.optional(),
  feesPerBlock: nonNegativeDecimal.optional(),
  height: z.number().int({ error: 'A block height is a whole number.' }).min(0).optional(),
});

const fields: FieldSpec[] = [
  { name: 'coin', label: 'Network coin', kind: 'text', hint: 'e.g. LTC', span: 1 },
  { name: 'difficulty', label: 'Difficulty', kind: 'decimal', span: 2 },
  { name: 'blockReward', label: 'Block reward', kind: 'decimal', optional: true, span: 1 },
  { name: 'feesPerBlock', label: 'Fees per block', kind: 'decimal', optional: true, span: 1 },
  { name: 'height', label: 'Block height', kind: 'integer', optional: true, span: 1 },
];

export function ManualNetwork({
  network,
  asOf,
}: {
  network: Record<string, NetworkEntry>;
  asOf: string;
}) {
  const setManual = useAction('network.setManual');
  const coins = Object.keys(network).sort();
  return (
    <Section
      title="Network difficulty"
      description="BTC comes from mempool.space; set other coins (or override BTC) by hand."
    >
      {coins.length > 0 && (
        <Table size="small" aria-label="Network figures" sx={{ mb: 2 }}>
          <TableHead>
            <TableRow>
              <TableCell>Coin</TableCell>
              <TableCell align="right">Difficulty</TableCell>
              <TableCell align="right">Network hash rate</TableCell>
              <TableCell align="right">Block reward</TableCell>
              <TableCell>Source</TableCell>
              <TableCell>Age</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {coins.map((coin) => {
              const entry = network[coin]!;
              const ageSec = (Date.parse(asOf) - Date.parse(entry.at)) / 1000;
              return (
                <TableRow key={coin} data-testid={`network-${coin}`}>
                  <TableCell sx={{ fontWeight: 600 }}>{coin}</TableCell>
                  <TableCell align="right">{formatNumber(entry.difficulty, 2)}</TableCell>
                  <TableCell align="right">{formatHashrate(entry.networkHashrateHs)}</TableCell>
                  <TableCell align="right">{formatCoin(entry.blockReward, coin)}</TableCell>
                  <TableCell>{entry.source}</TableCell>
                  <TableCell>
                    {formatAge(ageSec)} {entry.stale && <StatusChip status="stale" />}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <InlineForm
        schema={manualNetworkSchema}
        fields={fields}
        initial={{ coin: '', difficulty: '' }}
        submitLabel="Set network"
        clearOnSuccess
        successMessage="Network figures set."
        onSubmit={(figures) => setManual.run(figures)}
      />
    </Section>
  );
}
