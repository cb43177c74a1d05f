import type { RigLive } from '#api/snapshot';
import type { FundingSource } from '#feeds/funding-sources';
import type { PriceSource } from '#feeds/sources/price-source';
import type { Store } from '#store/database';
import type { SecretBook } from '#store/secrets';

// What every method handler may use. Handlers change state only through `store.update`
// and then call `changed()` so a fresh Snapshot reaches the renderer.

export interface ServiceContext {
  readonly store: Store;
  /** Notification channel secrets, kept apart from the database (store/secrets.ts). */
  readonly secrets: SecretBook;
  readonly offline: boolean;
  now(): Date;
  /**
   * Asks for the alerts to be re-evaluated and a fresh Snapshot pushed after them. Returns
   * at once: a call's answer never waits for it, and the next call waits until it is done.
   */
  changed(): Promise<void>;
  /** Counts changes not visible in the store (rig readings); bumped by changed(). */
  revision(): number;
  log(line: string): void;
  /** Latest answer of each polled rig, by rig id (memory only; re-polled on start). */
  readonly rigLive: Map<string, RigLive>;
  /** The price sources polled and offered in settings (the registry, or a test's own). */
  readonly priceSources: readonly PriceSource[];
  /** The funding-rate feeds polled and offered in settings (the exchanges, or a test's own). */
  readonly fundingSources: readonly FundingSource[];
}
