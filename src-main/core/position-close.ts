import type { Position } from '#api/records';
import { type Dec, dec } from '#shared/decimal';
import { unrealizedPnl } from './positions';

// Closing a position (docs/formulas-positions.md "Closing a position"): the PnL it
// realises at the exit price is its unrealised PnL at that price — linear s·Q·(P − EP) in
// the quote asset, inverse s·C·(1/EP − 1/P) in the coin, worth the exit price in USD.
// Fees and funding are not known to RigLedger and are left out.

export function realisedPnlUsd(
  position: Pick<Position, 'kind' | 'side' | 'size' | 'entryPrice'>,
  exitPrice: Dec,
  quoteUsd: Dec = dec(1),
): Dec {
  const pnl = unrealizedPnl(position, exitPrice);
  // docs/formulas-positions.md "Closing a position": inverse PnL is coin, × exit price in USD.
  return position.kind === 'inverse' ? pnl.mul(exitPrice).mul(quoteUsd) : pnl.mul(quoteUsd);
}
