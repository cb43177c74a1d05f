import type { FullSnapshotEvent, RigLedgerEvent } from '#api/events';
import type { FundingSource } from '#feeds/funding-sources';
import type { PriceSource } from '#feeds/sources/price-source';
import type { ScheduleTimer } from '#feeds/timers';
import type { SecretSealer } from '#store/secrets';

// What a host (Electron main or the web host) holds: one FarmService per data dir.

export interface FarmServiceOptions {
  /** Folder holding rigledger.json, history.json, backups/ and the lock file. */
  dataDir: string;
  /** When true, no network request of any kind is made (feeds and rig polls stay idle). */
  offline?: boolean;
  /** Seed a demo farm when the database is empty. */
  demo?: boolean;
  /** Clock; tests pass a fake one. */
  now?: () => Date;
  /** Where operational messages go (a failed feed, a recovered file). Default: console.error. */
  log?: (line: string) => void;
  /** The price sources to poll and offer in settings; defaults to the registry. */
  priceSources?: readonly PriceSource[];
  /** Seals channel secrets with the OS keychain (Electron safeStorage) where there is one. */
  secretSealer?: SecretSealer;
  /** HTTP for notification channels; tests may pass their own. Defaults to fetch. */
  notificationFetch?: typeof fetch;
  /** The notifier's timer (retries, escalation, receipts); tests fire it by hand. */
  notificationTimer?: ScheduleTimer;
  /** The funding-rate feeds; defaults to Binance USDⓈ-M and COIN-M, Bybit and OKX. */
  fundingSources?: readonly FundingSource[];
  /** Total deadline of one price or chain request; 5 s unless a test needs it shorter. */
  feedTimeoutMs?: number;
}

export interface FarmService {
  readonly dataDir: string;
  /**
   * Runs one contract method, by its name or a deprecated old name. Params are validated
   * with the method's zod schema; failures reject with an RpcError (code + a sentence for
   * a person).
   */
  call(method: string, params: unknown): Promise<unknown>;
  /** Subscribes to snapshot and alert events; returns the unsubscribe function. */
  onEvent(listener: (event: RigLedgerEvent) => void): () => void;
  /**
   * The full Snapshot at the event stream's latest version: what a client receives first,
   * before the `snapshot-delta` events that follow it.
   */
  eventBaseline(): FullSnapshotEvent;
  /**
   * Waits for the alert evaluation earlier calls set going, then sends the waiting snapshot
   * delta now rather than at the end of its 250 ms window.
   */
  flushEvents(): Promise<void>;
  /** Resolves when the alert evaluation (and its events) earlier calls set going is done. */
  settled(): Promise<void>;
  /** Stops polling, flushes every pending write and releases the data-dir lock. */
  close(): Promise<void>;
}
