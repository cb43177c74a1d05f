import { RpcError } from '#api/errors';
import type { BackupHistory } from '#api/import-export';
import { formatCount } from '#shared/format';
import { describeError } from '#shared/describe-error';
import { decodeHistory } from '#store/documents';
import { decodeSeries } from '#store/history-encoding';
import type { HistoryDocument } from '#store/schema';

// The history a backup carries (history.json as it was exported): the past prices, hash
// power and revenue the charts and the monthly review read. Checked and upgraded like the
// file on open; an older backup without it leaves the farm's own history in place.

/** The backup's history checked and at the current format; undefined when it has none. */
export function readBackupHistory(history: unknown): HistoryDocument | undefined {
  if (history === undefined) return undefined;
  try {
    const document = decodeHistory(history).document;
    for (const segments of Object.values(document.series)) decodeSeries(segments);
    return document;
  } catch (error) {
    throw new RpcError(
      'invalid_params',
      `The backup's history cannot be read (${describeError(error)}); nothing was imported.`,
    );
  }
}

const day = (iso: string) => iso.slice(0, 10);

/** What the backup's history holds, in a sentence for the import preview. */
export function describeBackupHistory(history: HistoryDocument | undefined): BackupHistory {
  if (history === undefined) {
    return {
      included: false,
      seriesCount: 0,
      pointCount: 0,
      from: null,
      to: null,
      sentence:
        'This file holds no history (it was made by an older RigLedger): the charts and the monthly review keep this farm’s own history.',
    };
  }
  let pointCount = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const names = Object.keys(history.series);
  for (const segments of Object.values(history.series)) {
    const points = decodeSeries(segments);
    pointCount += points.length;
    if (points.length === 0) continue;
    first = Math.min(first, points[0]!.t);
    last = Math.max(last, points[points.length - 1]!.t);
  }
  const from = Number.isFinite(first) ? new Date(first).toISOString() : null;
  const to = Number.isFinite(last) ? new Date(last).toISOString() : null;
  const span = from !== null && to !== null ? ` from ${day(from)} to ${day(to)}` : '';
  const revenue = names.includes('farm.revenueUsdPerDay')
    ? ' including the farm’s revenue, which the monthly review reads'
    : '';
  return {
    included: true,
    seriesCount: names.length,
    pointCount,
    from,
    to,
    sentence:
      pointCount === 0
        ? 'This file holds an empty history: importing it clears the charts’ past.'
        : `This file brings ${formatCount(pointCount)} history point${pointCount === 1 ? '' : 's'} in ${formatCount(names.length)} series${span}${revenue}; it replaces this farm’s history.`,
  };
}
