import type { Alert } from '#api/records';
import type { Channel, QuietHours } from '#api/notification-channel';
import { SEVERITIES, type Severity } from '#shared/severity';

// Which channels an alert goes to, and when (docs/notifications.md "Routing"): a channel
// takes alerts at or above its lowest severity and, when it lists rules, only those.
// Info and warning wait through the channel's quiet hours (in its own time zone) and may
// be gathered into a digest; critical alerts break through both.

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function channelTakes(channel: Channel, alert: Pick<Alert, 'rule' | 'severity'>): boolean {
  if (!channel.enabled) return false;
  if (severityRank(alert.severity) < severityRank(channel.minSeverity)) return false;
  return channel.rules === undefined || channel.rules.some((rule) => rule === alert.rule);
}

/** Minutes past midnight on the wall clock of `timeZone` at `at`. */
export function wallClockMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? '0');
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? '0');
  return hour * 60 + minute;
}

function clockMinutes(hhmm: string): number {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/** True inside [from, to) on the zone's wall clock; a span past midnight (22:00–07:00) wraps. */
export function inQuietHours(at: Date, quiet: QuietHours): boolean {
  const now = wallClockMinutes(at, quiet.timeZone);
  const from = clockMinutes(quiet.from);
  const to = clockMinutes(quiet.to);
  if (from === to) return false;
  return from < to ? now >= from && now < to : now >= from || now < to;
}

/** Whether a held (info/warning) message may go out now on this channel. */
export function holdableMayGo(
  channel: Channel,
  at: Date,
  oldestWaitingAt: Date,
  lastDigestAt: Date | null,
): boolean {
  if (channel.quietHours && inQuietHours(at, channel.quietHours)) return false;
  if (channel.digestMinutes === undefined) return true;
  const windowMs = channel.digestMinutes * 60_000;
  const since = lastDigestAt && lastDigestAt > oldestWaitingAt ? lastDigestAt : oldestWaitingAt;
  return at.getTime() - since.getTime() >= windowMs;
}
