import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Alert from '@mui/material/Alert';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { useMemo, useState } from 'react';
import { realisedPnlInputSchema, type RealisedPnl } from '#api/realised-pnl';
import type { PositionView } from '#api/snapshot';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { FieldSpec } from '../../forms/field-spec';
import { todayInput } from '../../forms/form-values';
import { InlineForm } from '../../forms/InlineForm';
import { formatDate, formatUsd, MISSING } from '../../format';
import { useCall, useQuery } from '../../state/use-call';
import { Section } from '../settings/Section';

// Realised PnL the operator records by hand (a closed position, a settled hedge). The
// monthly P&L adds these up; here they are listed, added and removed.

function pnlFields(positions: readonly PositionView[]): FieldSpec[] {
  return [
    { name: 'date', label: 'Date realised', kind: 'date', span: 2 },
    {
      name: 'amountUsd',
      label: 'Amount',
      kind: 'decimal',
      unit: 'USD',
      span: 2,
      hint: 'Negative for a loss.',
    },
    {
      name: 'positionId',
      label: 'Position',
      kind: 'select',
      optional: true,
      span: 2,
      options: positions.map((p) => ({
        value: p.id,
        label: `${p.symbol} ${p.side}, ${p.account} @ ${p.exchange}`,
      })),
    },
    { name: 'note', label: 'Note', kind: 'text', optional: true, span: 6 },
  ];
}

export function RealisedPnlSection({
  positions,
  onChanged,
}: {
  positions: readonly PositionView[];
  onChanged(): void;
}) {
  const call = useCall();
  const entries = useQuery('pnl.list', {});
  const [removing, setRemoving] = useState<RealisedPnl | null>(null);
  const fields = useMemo(() => pnlFields(positions), [positions]);
  const positionName = (id: string | undefined) => {
    if (id === undefined) return MISSING;
    const position = positions.find((p) => p.id === id);
    return position ? `${position.symbol} (${position.account})` : 'a removed position';
  };
  const sorted = [...(entries.result ?? [])].sort((a, b) => b.date.localeCompare(a.date));

  return (
    <Section
      title="Realised PnL"
      description="Closed positions and settled hedges, in US dollars; they count in the month they are dated."
    >
      <InlineForm
        schema={realisedPnlInputSchema}
        fields={fields}
        initial={{ date: todayInput(), amountUsd: '', note: '', positionId: '' }}
        submitLabel="Add realised PnL"
        clearOnSuccess
        successMessage="Added."
        onSubmit={async (entry) => {
          await call('pnl.add', entry);
          await entries.reload();
          onChanged();
        }}
      />
      {entries.error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          Could not load the realised PnL: {entries.error.message}
        </Alert>
      )}
      {entries.result && sorted.length === 0 && (
        <Typography color="text.secondary" sx={{ mt: 2 }}>
          No realised PnL recorded yet.
        </Typography>
      )}
      {sorted.length > 0 && (
        <Box sx={{ mt: 2, overflowX: 'auto' }}>
          <Table size="small" aria-label="Realised PnL entries">
            <TableHead>
              <TableRow>
                <TableCell>Date</TableCell>
                <TableCell align="right">Amount (USD)</TableCell>
                <TableCell>Note</TableCell>
                <TableCell>Position</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {sorted.map((entry) => (
                <TableRow key={entry.id} data-testid={`review-pnl-${entry.id}`}>
                  <TableCell>{formatDate(entry.date)}</TableCell>
                  <TableCell
                    align="right"
                    sx={{ color: entry.amountUsd.startsWith('-') ? 'error.main' : undefined }}
                  >
                    {formatUsd(entry.amountUsd)}
                  </TableCell>
                  <TableCell>{entry.note ?? MISSING}</TableCell>
                  <TableCell>{positionName(entry.positionId)}</TableCell>
                  <TableCell align="right">
                    <Tooltip title="Remove">
                      <IconButton
                        size="small"
                        aria-label={`Remove realised PnL of ${formatDate(entry.date)}, ${formatUsd(entry.amountUsd)}`}
                        onClick={() => setRemoving(entry)}
                      >
                        <DeleteIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {removing && (
        <ConfirmDialog
          open
          title="Remove this realised PnL?"
          message={`${formatUsd(removing.amountUsd)} on ${formatDate(removing.date)} no longer counts in its month.`}
          confirmLabel="Remove"
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await call('pnl.remove', { id: removing.id });
            await entries.reload();
            onChanged();
          }}
        />
      )}
    </Section>
  );
}
