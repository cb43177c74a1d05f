import { RpcError } from '#api/errors';
import type { Settings } from '#api/records';
import { validSettingsSchema } from '#api/records';
import type { SettingsPatch } from '#api/methods';
import { type PriceSource, priceSourceSettings } from '#feeds/sources/price-source';
import type { ServiceContext } from './context';
import { publicChannel, resolveChannels, withoutSecrets } from './notifications/channel-settings';
import { parseOrThrow } from './validation';

// settings.update takes any part of the settings document; the merged whole is validated
// before anything is written. Price sources are the feeds registry's: settings list every
// registered source (its defaults until the operator changes it) and refuse any other name.

/**
 * The settings as the operator sees them: every price source, with its defaults filled in,
 * and each notification channel with the names of its saved secrets, never their values.
 */
export function currentSettings(
  ctx: Pick<ServiceContext, 'store' | 'priceSources' | 'fundingSources' | 'secrets'>,
): Settings {
  const stored = ctx.store.data.settings;
  const secrets = ctx.secrets.all();
  return {
    ...stored,
    sources: priceSourceSettings([...ctx.priceSources, ...ctx.fundingSources], stored.sources),
    notifications: {
      ...stored.notifications,
      channels: stored.notifications.channels.map((c) => publicChannel(c, secrets)),
    },
  };
}

/** Refuses a patch that names a price source the registry does not have. */
export function checkSourceNames(
  patch: SettingsPatch,
  priceSources: readonly Pick<PriceSource, 'name'>[],
): void {
  const known = priceSources.map((source) => source.name);
  const unknown = Object.keys(patch.sources ?? {}).filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new RpcError(
      'invalid_params',
      `There is no source named ${unknown.map((name) => `"${name}"`).join(', ')}; the sources are ${known.join(', ')}.`,
      {
        issues: unknown.map((name) => ({
          path: `sources.${name}`,
          message: 'No such price source.',
        })),
      },
    );
  }
}

/**
 * `current` must list every source the patch names (currentSettings does). `channels` is
 * the resolved channel list when the patch replaced it (secrets already split off).
 */
export function mergeSettings(
  current: Settings,
  patch: SettingsPatch,
  channels: Settings['notifications']['channels'] = current.notifications.channels,
): Settings {
  const sources = { ...current.sources };
  for (const [name, sourcePatch] of Object.entries(patch.sources ?? {})) {
    const before = sources[name];
    if (before !== undefined) sources[name] = { ...before, ...sourcePatch };
  }
  return {
    ...current,
    ...patch,
    sources,
    thresholds: { ...current.thresholds, ...patch.thresholds },
    notifications: {
      ...current.notifications,
      ...patch.notifications,
      escalation: { ...current.notifications.escalation, ...patch.notifications?.escalation },
      channels: channels.map(withoutSecrets),
    },
    risk: { ...current.risk, ...patch.risk },
  };
}

export async function updateSettings(ctx: ServiceContext, patch: SettingsPatch): Promise<Settings> {
  checkSourceNames(patch, [...ctx.priceSources, ...ctx.fundingSources]);
  const inputs = patch.notifications?.channels;
  const resolved =
    inputs === undefined
      ? null
      : resolveChannels(inputs, ctx.store.data.settings.notifications.channels, ctx.secrets.all());
  const next = parseOrThrow(
    validSettingsSchema,
    mergeSettings(currentSettings(ctx), patch, resolved?.channels),
    'The settings change',
  );
  const removedCoin = ctx.store.data.settings.coins.find(
    (coin) =>
      !next.coins.some((c) => c.symbol === coin.symbol) &&
      ctx.store.data.rigs.some((r) => r.coin === coin.symbol),
  );
  if (removedCoin) {
    throw new RpcError(
      'conflict',
      `The coin ${removedCoin.symbol} is still mined by a rig; move or remove those rigs before removing the coin.`,
    );
  }
  // Secrets first: a failed settings write then leaves only unused secrets behind.
  if (resolved !== null) await ctx.secrets.replace(resolved.secrets);
  await ctx.store.update((db) => {
    db.settings = next;
  });
  await ctx.changed();
  return structuredClone(currentSettings(ctx));
}
