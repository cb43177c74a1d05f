import { RpcError } from '#api/errors';
import type { Settings } from '#api/records';
import { validSettingsSchema } from '#api/records';
import type { SettingsPatch } from '#api/methods';
import type { ServiceContext } from './context';
import { parseOrThrow } from './validation';

// settings.update takes any part of the settings document; the merged whole is validated
// before anything is written.

export function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  const sources = { ...current.sources };
  for (const [name, sourcePatch] of Object.entries(patch.sources ?? {})) {
    const key = name as keyof Settings['sources'];
    sources[key] = { ...current.sources[key], ...sourcePatch };
  }
  return {
    ...current,
    ...patch,
    sources,
    thresholds: { ...current.thresholds, ...patch.thresholds },
    notifications: { ...current.notifications, ...patch.notifications },
  };
}

export async function updateSettings(ctx: ServiceContext, patch: SettingsPatch): Promise<Settings> {
  const next = parseOrThrow(
    validSettingsSchema,
    mergeSettings(ctx.store.data.settings, patch),
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
  await ctx.store.update((db) => {
    db.settings = next;
  });
  await ctx.changed();
  return structuredClone(next);
}
