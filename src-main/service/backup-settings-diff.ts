import type { SettingsChange } from '#api/import-export';
import type { Channel } from '#api/notification-channel';
import { decimalCompare } from '#api/fields';
import { mutesEverything, type Settings } from '#api/records';
import { formatUsd } from '#shared/format';
import type { Database } from '#store/schema';

// Every settings change a backup brings, in words, and which of them would quiet alerts:
// a mute (above all a global one), a pinned manual price, desktop notifications off,
// alerts made to fire later, prices taken from elsewhere or not at all. Those need the
// operator's explicit confirmation before the import goes ahead.

type Direction = 'lower-silences' | 'higher-silences';

/** For each threshold, which way makes its alert fire later (or never). */
const THRESHOLD_DIRECTION: Record<keyof Settings['thresholds'], Direction | null> = {
  positionWarningPct: 'lower-silences',
  positionCriticalPct: 'lower-silences',
  loanWatchPoints: 'lower-silences',
  hysteresisPoints: null,
  rigOfflineMin: 'higher-silences',
  hashrateDropPct: 'higher-silences',
  paymentDueDays: 'lower-silences',
};

function shown(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function later(direction: Direction | null, from: unknown, to: unknown): boolean {
  if (direction === null || from === undefined || to === undefined) return false;
  const cmp = decimalCompare(String(to), String(from));
  return direction === 'lower-silences' ? cmp < 0 : cmp > 0;
}

/** Leaf paths of a settings document ("sources.binance.baseUrl" → value). */
function leaves(value: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value))
      leaves(child, path ? `${path}.${key}` : key, out);
  } else {
    out.set(path, value);
  }
  return out;
}

function settingChange(setting: string, from: unknown, to: unknown): SettingsChange {
  const [area, name, field] = setting.split('.');
  const secret = field === 'apiKey';
  const change = (silencesAlerts: boolean, sentence: string): SettingsChange => ({
    setting,
    from: secret ? null : shown(from),
    to: secret ? null : shown(to),
    silencesAlerts,
    sentence,
  });
  if (area === 'notifications' && from === true && to === false)
    return change(true, `Turns ${name} notifications off: alerts would no longer reach you there.`);
  if (area === 'offline' && to === true)
    return change(
      true,
      'Turns offline mode on: no price is fetched, so prices go stale and liquidation alerts pause.',
    );
  if (area === 'sources' && field === 'enabled' && from === true && to === false)
    return change(true, `Turns the ${name} price source off.`);
  if (area === 'sources' && field === 'baseUrl')
    return change(
      true,
      `Takes ${name} prices from ${shown(to)} instead of ${shown(from)}: alerts would follow that server’s prices.`,
    );
  if (area === 'staleAfterSec' && later('higher-silences', from, to))
    return change(
      true,
      `Trusts prices for ${shown(to)} s instead of ${shown(from)} s before calling them stale.`,
    );
  if (area === 'thresholds' && name !== undefined) {
    const direction = THRESHOLD_DIRECTION[name as keyof Settings['thresholds']] ?? null;
    if (later(direction, from, to))
      return change(
        true,
        `Moves the ${name} alert threshold from ${shown(from)} to ${shown(to)}: that alert would fire later.`,
      );
  }
  if (area === 'risk' && name === 'oddsAlert' && from === true && to === false)
    return change(
      true,
      'Turns the odds alert off: rising odds of a margin call or liquidation would no longer warn you.',
    );
  if (area === 'risk' && name === 'oddsAlertPct' && later('higher-silences', from, to))
    return change(
      true,
      `Raises the odds alert threshold from ${shown(from)} % to ${shown(to)} %: that alert would fire later.`,
    );
  if (secret) return change(false, `Replaces the ${name} API key.`);
  return change(
    false,
    `Changes ${setting} from ${shown(from) ?? 'unset'} to ${shown(to) ?? 'unset'}.`,
  );
}

const SEVERITY_RANK = { info: 0, warning: 1, critical: 2 } as const;

/**
 * The notification channels a backup removes, turns off or makes hear less, by channel:
 * each of those is an alert that would no longer reach the operator's phone or inbox.
 */
function channelChanges(
  current: readonly Channel[],
  incoming: readonly Channel[],
): SettingsChange[] {
  const changes: SettingsChange[] = [];
  const incomingById = new Map(incoming.map((c) => [c.id, c]));
  const label = (c: Channel) => `${c.name ?? c.kind} (${c.kind})`;
  const change = (c: Channel, silencesAlerts: boolean, sentence: string): SettingsChange => ({
    setting: `notifications.channels.${c.id}`,
    from: null,
    to: null,
    silencesAlerts,
    sentence,
  });
  for (const now of current) {
    const next = incomingById.get(now.id);
    if (next === undefined) {
      if (now.enabled)
        changes.push(
          change(
            now,
            true,
            `Removes the ${label(now)} notification channel: alerts would no longer reach you there.`,
          ),
        );
      continue;
    }
    if (now.enabled && !next.enabled)
      changes.push(
        change(
          now,
          true,
          `Turns the ${label(now)} notification channel off: alerts would no longer reach you there.`,
        ),
      );
    else if (next.enabled && SEVERITY_RANK[next.minSeverity] > SEVERITY_RANK[now.minSeverity])
      changes.push(
        change(
          now,
          true,
          `The ${label(now)} channel would receive only ${next.minSeverity} alerts and above, not ${now.minSeverity}.`,
        ),
      );
    else if (JSON.stringify(now) !== JSON.stringify(next))
      changes.push(change(now, false, `Changes the ${label(now)} notification channel.`));
  }
  const currentIds = new Set(current.map((c) => c.id));
  for (const added of incoming)
    if (!currentIds.has(added.id))
      changes.push(change(added, false, `Adds the ${label(added)} notification channel.`));
  return changes;
}

export function settingsChanges(current: Database, incoming: Database): SettingsChange[] {
  const changes: SettingsChange[] = channelChanges(
    current.settings.notifications.channels,
    incoming.settings.notifications.channels,
  );
  const before = leaves(current.settings);
  const after = leaves(incoming.settings);
  before.delete('notifications.channels');
  after.delete('notifications.channels');
  for (const setting of new Set([...before.keys(), ...after.keys()])) {
    const from = before.get(setting);
    const to = after.get(setting);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push(settingChange(setting, from, to));
  }
  const mutedNow = new Map(current.mutes.map((m) => [m.subjectId, m.until ?? null]));
  for (const mute of incoming.mutes) {
    if (mutedNow.has(mute.subjectId) && mutedNow.get(mute.subjectId) === (mute.until ?? null))
      continue;
    const how = mute.until ? `until ${mute.until}` : 'with no end';
    changes.push({
      setting: `mutes.${mute.subjectId}`,
      from: shown(mutedNow.get(mute.subjectId) ?? undefined),
      to: mute.until ?? 'no end',
      silencesAlerts: true,
      sentence: mutesEverything(mute.subjectId)
        ? `Mutes every alert ${how}.`
        : `Mutes the alerts of ${mute.subjectId} ${how}.`,
    });
  }
  for (const [asset, price] of Object.entries(incoming.manualPrices)) {
    const now = current.manualPrices[asset];
    if (now?.usd === price.usd) continue;
    changes.push({
      setting: `manualPrices.${asset}`,
      from: now?.usd ?? null,
      to: price.usd,
      silencesAlerts: true,
      sentence: `Pins the ${asset} price at ${formatUsd(price.usd)} by hand: live prices would be ignored and alerts judged on that figure.`,
    });
  }
  changes.push(...liftedAndPinned(current, incoming));
  return changes;
}

/**
 * What the backup lifts (mutes, hand-set prices) and the chain figures it pins by hand:
 * none of these quiets an alert, but the operator sees every change before confirming.
 */
function liftedAndPinned(current: Database, incoming: Database): SettingsChange[] {
  const changes: SettingsChange[] = [];
  const mutedAfter = new Set(incoming.mutes.map((m) => m.subjectId));
  for (const mute of current.mutes) {
    if (mutedAfter.has(mute.subjectId)) continue;
    changes.push({
      setting: `mutes.${mute.subjectId}`,
      from: mute.until ?? 'no end',
      to: null,
      silencesAlerts: false,
      sentence: mutesEverything(mute.subjectId)
        ? 'Lifts the mute on every alert.'
        : `Lifts the mute on the alerts of ${mute.subjectId}.`,
    });
  }
  for (const [asset, price] of Object.entries(current.manualPrices)) {
    if (incoming.manualPrices[asset] !== undefined) continue;
    changes.push({
      setting: `manualPrices.${asset}`,
      from: price.usd,
      to: null,
      silencesAlerts: false,
      sentence: `Drops the ${asset} price set by hand: live prices would be used again.`,
    });
  }
  for (const coin of new Set([
    ...Object.keys(current.manualNetwork),
    ...Object.keys(incoming.manualNetwork),
  ])) {
    const from = current.manualNetwork[coin];
    const to = incoming.manualNetwork[coin];
    if (from?.difficulty === to?.difficulty) continue;
    changes.push({
      setting: `manualNetwork.${coin}`,
      from: from?.difficulty ?? null,
      to: to?.difficulty ?? null,
      silencesAlerts: false,
      sentence:
        to === undefined
          ? `Drops the ${coin} difficulty set by hand: the chain's own figure would be used again.`
          : `Sets the ${coin} network difficulty by hand to ${to.difficulty}: revenue would be figured on it.`,
    });
  }
  return changes;
}
