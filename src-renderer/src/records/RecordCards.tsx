import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { memo, useMemo, useState, type ReactNode } from 'react';
import type { Column } from '../components/DataTable';
import { RowDetails } from '../components/RowDetails';
import { cardLayout, type CardLayout, type CardSpec } from './card-layout';

export type { CardSpec } from './card-layout';

// The records of a page as cards, one per record, for a phone (docs/dashboard.md "Cards on
// a phone"). A card is built from the page's own columns: the heading column, the status
// column (its chip), the key figures under their labels, and the row's actions as buttons
// a finger can hit (44 px). Every other column waits behind "More about …", as a folded
// column does in the table. Cards come in pages of CARDS_AT_ONCE with "Show more", so a
// farm of 1,000 positions renders a few dozen cards, not 1,000.

export const CARDS_AT_ONCE = 25;

interface CardProps<T> {
  row: T;
  layout: CardLayout<T>;
  label: string;
  testId: string | undefined;
  details: ((row: T) => ReactNode) | undefined;
  actions: (row: T) => ReactNode;
}

function CardOf<T>({ row, layout, label, testId, details, actions }: CardProps<T>) {
  const [open, setOpen] = useState(false);
  const { title, status, body, figures, rest } = layout;
  const more = rest.length > 0 || details !== undefined;
  const detailsId = testId ? `${testId}-details` : undefined;
  return (
    <Paper
      component="article"
      variant="outlined"
      aria-label={label}
      data-record-row
      data-testid={testId}
      sx={{ p: 1.5 }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <Box sx={CARD_TITLE}>{title?.render(row)}</Box>
        {status && <Box sx={{ flexShrink: 0 }}>{status.render(row)}</Box>}
      </Stack>
      {body && (
        <Typography variant="body2" component="div" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
          {body.render(row)}
        </Typography>
      )}
      {figures.length > 0 && (
        <Box
          component="dl"
          sx={{
            my: 1,
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))',
            gap: 1,
          }}
        >
          {figures.map((column) => (
            <div key={column.key}>
              <Typography component="dt" variant="caption" color="text.secondary">
                {column.label}
              </Typography>
              <Typography
                component="dd"
                variant="body2"
                sx={{ m: 0, fontWeight: 600, overflowWrap: 'anywhere' }}
              >
                {column.render(row)}
              </Typography>
            </div>
          ))}
        </Box>
      )}
      {more && (
        <Button
          size="small"
          aria-expanded={open}
          aria-controls={open ? detailsId : undefined}
          onClick={() => setOpen(!open)}
          endIcon={<ExpandMoreIcon sx={{ transform: open ? 'rotate(180deg)' : undefined }} />}
          sx={{ minHeight: 44, px: 1 }}
        >
          {open ? `Less about ${label}` : `More about ${label}`}
        </Button>
      )}
      {open && (
        <Box id={detailsId} data-testid={detailsId} sx={{ overflowWrap: 'anywhere' }}>
          <RowDetails row={row} hidden={rest} details={details} />
        </Box>
      )}
      <Box sx={{ mt: 1 }}>{actions(row)}</Box>
    </Paper>
  );
}

// Re-renders only when its record (or the page's column set) changes.
const Card = memo(CardOf) as typeof CardOf;

/** A title cell's name and its note (coin · model) on lines of their own, as in the table. */
const CARD_TITLE = {
  flexGrow: 1,
  minWidth: 0,
  overflowWrap: 'anywhere',
  '& .name': { display: 'block' },
  '& .note': { display: 'block', typography: 'caption', color: 'text.secondary' },
} as const;

export function RecordCards<T>({
  rows,
  columns,
  card,
  rowKey,
  rowLabel,
  rowTestId,
  filterText,
  filterLabel,
  ariaLabel,
  emptyText,
  details,
  actions,
  focusKey,
}: {
  rows: readonly T[];
  columns: readonly Column<T>[];
  card?: CardSpec<T> | undefined;
  rowKey(row: T): string;
  rowLabel(row: T): string;
  rowTestId?(row: T): string;
  filterText(row: T): string;
  filterLabel: string;
  ariaLabel: string;
  emptyText: string;
  details?: ((row: T) => ReactNode) | undefined;
  actions(row: T): ReactNode;
  /** A record to have among the cards rendered (one the page was opened at). */
  focusKey?: string | null | undefined;
}) {
  const [filter, setFilter] = useState('');
  const [count, setCount] = useState(CARDS_AT_ONCE);
  const layout = useMemo(() => cardLayout(columns, card), [columns, card]);

  const needle = filter.trim().toLowerCase();
  const matchText = needle ? filterText : null;
  const shown = useMemo(
    () => (matchText ? rows.filter((r) => matchText(r).toLowerCase().includes(needle)) : rows),
    [rows, matchText, needle],
  );
  // A record asked for by name is always among those rendered.
  const focusAt = focusKey ? shown.findIndex((r) => rowKey(r) === focusKey) : -1;
  const limit = Math.max(count, focusAt + 1);
  const left = shown.length - limit;

  return (
    <Paper variant="outlined" sx={{ p: 1.5 }}>
      <TextField
        label={filterLabel}
        value={filter}
        onChange={(e) => {
          setFilter(e.target.value);
          setCount(CARDS_AT_ONCE);
        }}
        size="small"
        fullWidth
        type="search"
        sx={{ mb: 1.5 }}
      />
      <Stack component="section" aria-label={ariaLabel} spacing={1.5} data-testid="record-cards">
        {shown.slice(0, limit).map((row) => (
          <Card
            key={rowKey(row)}
            row={row}
            layout={layout}
            label={rowLabel(row)}
            testId={rowTestId?.(row)}
            details={details}
            actions={actions}
          />
        ))}
      </Stack>
      {left > 0 && (
        <Button
          fullWidth
          variant="outlined"
          sx={{ mt: 1.5, minHeight: 44 }}
          onClick={() => setCount(limit + CARDS_AT_ONCE)}
        >
          Show {Math.min(left, CARDS_AT_ONCE)} more of {left}
        </Button>
      )}
      {shown.length === 0 && (
        <Typography color="text.secondary" sx={{ p: 1 }}>
          {rows.length === 0 ? emptyText : `Nothing matches “${filter.trim()}”.`}
        </Typography>
      )}
    </Paper>
  );
}
