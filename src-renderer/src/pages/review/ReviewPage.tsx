import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { isoDate } from '#api/fields';
import { PageHeader } from '../../components/PageHeader';
import { todayInput } from '../../forms/form-values';
import { formatDate, formatDateTime } from '../../format';
import { useSnapshot } from '../../state/snapshot-context';
import { AsOfFigures } from './AsOfFigures';
import { ExportImportSection } from './ExportImportSection';
import { MonthlyPnlTable } from './MonthlyPnlTable';
import { RealisedPnlSection } from './RealisedPnlSection';
import { ReportActions } from './ReportActions';
import { ReviewLoans } from './ReviewLoans';
import { ReviewPositions } from './ReviewPositions';
import { previousMonthEnd } from './review-date';
import { useReview } from './use-review';

// The offline review: the books as they stood at the end of a date (a month end by
// default), the monthly P&L that led there, the report for a lender, and the files in
// and out of RigLedger.

const MONTH_SPANS = [3, 6, 12, 24] as const;

function Block({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Typography id={id} variant="h6" component="h2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </section>
  );
}

export function ReviewPage() {
  const snapshot = useSnapshot();
  const [dateText, setDateText] = useState(previousMonthEnd);
  const [months, setMonths] = useState<number>(12);
  const checked = isoDate.safeParse(dateText);
  const asOf = checked.success ? checked.data : null;
  const { review, error, loading, reload } = useReview(asOf, months);
  const shown = review && review.asOf === asOf ? review : null;
  // An import replaces records the realised-PnL list holds: it starts over after one.
  const [imports, setImports] = useState(0);
  const imported = () => {
    reload();
    setImports((n) => n + 1);
  };

  return (
    <Stack spacing={3}>
      <PageHeader title="Review" actions={<ReportActions asOf={asOf} />} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label="As of (end of day, UTC)"
          type="date"
          value={dateText}
          onChange={(e) => setDateText(e.target.value)}
          error={!checked.success}
          helperText={
            checked.success ? 'A month end closes the books.' : checked.error.issues[0]?.message
          }
          size="small"
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: todayInput() } }}
        />
        <TextField
          label="Months of P&L"
          select
          value={months}
          onChange={(e) => setMonths(Number(e.target.value))}
          size="small"
          sx={{ minWidth: 140 }}
          helperText=" "
        >
          {MONTH_SPANS.map((n) => (
            <MenuItem key={n} value={n}>
              {n} months
            </MenuItem>
          ))}
        </TextField>
        {shown && (
          <Typography variant="body2" color="text.secondary" sx={{ pt: 1 }}>
            Figures as of {formatDateTime(shown.snapshot.asOf)}.
          </Typography>
        )}
      </Stack>
      {loading && <LinearProgress aria-label="Loading the review" />}
      {error && asOf !== null && (
        <Alert severity="error" role="alert">
          No review for {formatDate(asOf)}: {error.message}
        </Alert>
      )}
      {shown && (
        <>
          <Block title={`Farm on ${formatDate(shown.asOf)}`} id="review-farm-heading">
            <AsOfFigures snapshot={shown.snapshot} />
          </Block>
          <Block title="Loans" id="review-loans-heading">
            <ReviewLoans loans={shown.snapshot.loans} prices={shown.snapshot.prices} />
          </Block>
          <Block title="Positions" id="review-positions-heading">
            <ReviewPositions positions={shown.snapshot.positions} prices={shown.snapshot.prices} />
          </Block>
          <Block title="Monthly profit and loss" id="review-months-heading">
            <MonthlyPnlTable months={shown.months} />
          </Block>
        </>
      )}
      <RealisedPnlSection key={imports} positions={snapshot?.positions ?? []} onChanged={reload} />
      <ExportImportSection onImported={imported} />
    </Stack>
  );
}
