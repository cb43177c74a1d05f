import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Figure } from '../../components/Figure';

// One headline figure with its label and a line of context.

export function StatCard({
  label,
  text,
  missing,
  testId,
  tone,
  footnote,
}: {
  label: string;
  text: string;
  missing?: string;
  testId: string;
  tone?: 'success.main' | 'error.main';
  footnote?: ReactNode;
}) {
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="overline" color="text.secondary" component="div">
          {label}
        </Typography>
        <Typography
          variant="h5"
          component="div"
          sx={{ color: tone, fontVariantNumeric: 'tabular-nums' }}
        >
          <Figure text={text} missing={missing} testId={testId} />
        </Typography>
        {footnote && (
          <Typography variant="body2" color="text.secondary" component="div">
            {footnote}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
