import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { formatOdds, volatilityText } from '#shared/risk-text';
import { HoverTooltip } from './HoverTooltip';

// One odds figure (the 7-day chance of touching a trigger price), with the 1- and 30-day
// odds and the volatility behind it one hover or focus away.

export interface OddsHorizons {
  volatilityPct: string;
  volatilitySource: 'history' | 'default';
  days1: string | null;
  days7: string | null;
  days30: string | null;
}

export function OddsFigure({
  label,
  odds,
  testId,
  secondary = false,
}: {
  label: string;
  odds: OddsHorizons;
  testId?: string;
  secondary?: boolean;
}) {
  const title = `Odds of touching the ${label} price: ${formatOdds(odds.days1)} within 1 day, ${formatOdds(odds.days7)} within 7 days, ${formatOdds(odds.days30)} within 30 days; ${volatilityText(odds)}.`;
  return (
    <HoverTooltip title={title}>
      <Typography
        variant={secondary ? 'caption' : 'body2'}
        color={secondary ? 'text.secondary' : undefined}
        component="div"
        tabIndex={0}
        data-testid={testId}
      >
        <Box component="span">{label}</Box> {formatOdds(odds.days7)}
      </Typography>
    </HoverTooltip>
  );
}
