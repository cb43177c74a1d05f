import Slider from '@mui/material/Slider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { formatSignedPct, formatUsd } from '../../../format';

// One coin's row of the stress test: the shock slider, the shock in words and the price
// it gives.

const SHOCK_LIMIT_PCT = 60;

function shockText(pct: number): string {
  return formatSignedPct(String(pct), 0);
}

/** The slider's own <input>: named for screen readers, and the stable test hook. */
function sliderInput(asset: string) {
  return { 'aria-label': `${asset} price shock`, 'data-testid': `stress-slider-${asset}` };
}

export function ShockSlider({
  asset,
  shockPct,
  priceUsd,
  waiting,
  onChange,
}: {
  asset: string;
  shockPct: number;
  /** The price at this shock, once the scenario answered; today's price until then. */
  priceUsd: string | undefined;
  /** The scenario for the current shocks is still running. */
  waiting: boolean;
  onChange(pct: number): void;
}) {
  return (
    <Stack
      direction="row"
      spacing={2}
      sx={{ alignItems: 'center' }}
      data-testid={`stress-row-${asset}`}
    >
      <Typography sx={{ fontWeight: 600, width: 48, flexShrink: 0 }}>{asset}</Typography>
      <Slider
        value={shockPct}
        min={-SHOCK_LIMIT_PCT}
        max={SHOCK_LIMIT_PCT}
        step={1}
        shiftStep={10}
        marks={[{ value: -60 }, { value: -30 }, { value: 0 }, { value: 30 }, { value: 60 }]}
        track={false}
        valueLabelDisplay="auto"
        valueLabelFormat={shockText}
        getAriaValueText={shockText}
        onChange={(_event, next) => onChange(typeof next === 'number' ? next : 0)}
        slotProps={{ input: sliderInput(asset) }}
        sx={{ flexGrow: 1 }}
      />
      <Typography sx={{ width: 64, flexShrink: 0, textAlign: 'right', whiteSpace: 'nowrap' }}>
        {shockText(shockPct)}
      </Typography>
      <Typography
        sx={{
          width: 112,
          flexShrink: 0,
          textAlign: 'right',
          whiteSpace: 'nowrap',
          fontVariantNumeric: 'tabular-nums',
        }}
        color={shockPct === 0 ? 'text.secondary' : 'text.primary'}
        data-testid={`stress-price-${asset}`}
      >
        {shockPct !== 0 && waiting ? '…' : formatUsd(priceUsd)}
      </Typography>
    </Stack>
  );
}
