import { formatNumber } from './format';

// The name a position goes by on a chart line or in a list: "BTCUSDT short", made unique
// when two positions share it — first by size, then by account, then by a number — so
// two lines on one chart never carry the same label.

export interface LabelledPosition {
  id: string;
  symbol: string;
  side: string;
  size: string;
  account: string;
}

function duplicated(names: ReadonlyMap<string, string>): Set<string> {
  const seen = new Map<string, number>();
  for (const name of names.values()) seen.set(name, (seen.get(name) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n > 1).map(([name]) => name));
}

/** Position id → a label no other position in the list has. */
export function positionLabels(positions: readonly LabelledPosition[]): Map<string, string> {
  const labels = new Map(positions.map((p) => [p.id, `${p.symbol} ${p.side}`]));
  const refinements: ((p: LabelledPosition) => string)[] = [
    (p) => formatNumber(p.size, 8),
    (p) => p.account,
  ];
  for (const refine of refinements) {
    const clashes = duplicated(labels);
    if (clashes.size === 0) return labels;
    for (const p of positions) {
      const label = labels.get(p.id)!;
      if (clashes.has(label)) labels.set(p.id, `${label} ${refine(p)}`);
    }
  }
  const clashes = duplicated(labels);
  const counters = new Map<string, number>();
  for (const p of positions) {
    const label = labels.get(p.id)!;
    if (!clashes.has(label)) continue;
    const n = (counters.get(label) ?? 0) + 1;
    counters.set(label, n);
    labels.set(p.id, `${label} #${n}`);
  }
  return labels;
}
