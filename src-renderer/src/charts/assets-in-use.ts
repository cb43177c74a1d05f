import type { Snapshot } from '#api/snapshot';

/** The coins the farm depends on: mined by a rig, pledged on a loan or traded in a position. */
export function assetsInUse(snapshot: Snapshot): string[] {
  const assets = new Set<string>();
  for (const rig of snapshot.rigs) if (rig.status !== 'retired') assets.add(rig.coin);
  for (const loan of snapshot.loans)
    for (const c of loan.collateral) if (c.asset !== 'USD') assets.add(c.asset);
  for (const position of snapshot.positions) assets.add(position.baseAsset);
  return [...assets].sort();
}
