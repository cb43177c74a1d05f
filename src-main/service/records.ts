import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { RpcError } from '#api/errors';
import { loanRecordSchema, positionSchema, rigSchema } from '#api/records';
import type { Loan, Position, Rig, Settings } from '#api/records';
import { minableCoins } from '#shared/coins';
import { isoDateOf } from '#core/calendar';
import { formulaForExchange } from '#core/exchange-formula';
import type { Database } from '#store/schema';
import type { ServiceContext } from './context';
import { prepareLoan } from './loan-records';
import { parseOrThrow } from './validation';

// Create / update / remove for the three stored collections. Every change is validated
// as a whole record before it is written, so a bad patch changes nothing.

type Collection = 'rigs' | 'loans' | 'positions';
type RecordOf<C extends Collection> = Database[C][number];

const SCHEMAS = { rigs: rigSchema, loans: loanRecordSchema, positions: positionSchema } as const;
const NOUNS = { rigs: 'rig', loans: 'loan', positions: 'position' } as const;
const ID_PREFIX = { rigs: 'rig', loans: 'loan', positions: 'pos' } as const;

export function knownCoins(settings: Settings): string[] {
  return minableCoins(settings.coins);
}

/** Refuses a coin that is neither built in nor one of the farm's custom coins. */
function checkCoin(ctx: ServiceContext, { coin, field }: { coin: string; field: string }): void {
  const known = knownCoins(ctx.store.data.settings);
  if (!known.includes(coin)) {
    throw new RpcError(
      'invalid_params',
      `The coin "${coin}" is unknown. Use one of ${known.join(', ')}, or add it under Settings → Coins first.`,
      { issues: [{ path: field, message: `Unknown coin "${coin}".` }] },
    );
  }
}

/** Rules that need the stored state (known coins, existing rigs), beyond the record schema. */
function checkReferences(
  ctx: ServiceContext,
  collection: Collection,
  record: Rig | Loan | Position,
): void {
  if (collection === 'rigs') checkCoin(ctx, { coin: (record as Rig).coin, field: 'coin' });
  if (collection === 'loans') {
    const loan = record as Loan;
    const unknownRig = loan.rigIds?.find((id) => !ctx.store.data.rigs.some((r) => r.id === id));
    if (unknownRig !== undefined) {
      throw new RpcError('invalid_params', `No rig has the id "${unknownRig}".`, {
        issues: [{ path: 'rigIds', message: `Unknown rig "${unknownRig}".` }],
      });
    }
  }
}

/** A loan's collateral checked and its start prices filled in; other records as they are. */
function withLoanRules<C extends Collection>(
  ctx: ServiceContext,
  collection: C,
  record: RecordOf<C>,
  previous?: RecordOf<C>,
): RecordOf<C> {
  if (collection !== 'loans') return record;
  return prepareLoan(ctx, record as Loan, previous as Loan | undefined) as RecordOf<C>;
}

function notFound(collection: Collection, id: string): RpcError {
  return new RpcError(
    'not_found',
    `No ${NOUNS[collection]} has the id "${id}"; it may have been removed.`,
  );
}

export function listRecords<C extends Collection>(
  ctx: ServiceContext,
  collection: C,
): RecordOf<C>[] {
  return structuredClone(ctx.store.data[collection]) as RecordOf<C>[];
}

/**
 * What a new record takes from the moment it is entered: a rig without a purchase date
 * counts in the books from today (its `enteredAt`), a position without a formula gets its
 * exchange's (core/exchange-formula.ts).
 */
export function withCreateDefaults(
  ctx: ServiceContext,
  collection: Collection,
  input: Record<string, unknown>,
): Record<string, unknown> {
  if (collection === 'rigs' && input.purchasedAt === undefined && input.enteredAt === undefined)
    return { ...input, enteredAt: isoDateOf(ctx.now()) };
  if (
    collection === 'positions' &&
    input.formula === undefined &&
    typeof input.exchange === 'string'
  )
    return { ...input, formula: formulaForExchange(input.exchange) };
  return input;
}

export async function createRecord<C extends Collection>(
  ctx: ServiceContext,
  collection: C,
  input: Omit<RecordOf<C>, 'id' | 'formula'> & { formula?: string | undefined },
): Promise<RecordOf<C>> {
  const schema: z.ZodType = SCHEMAS[collection];
  const parsed = parseOrThrow(schema, {
    ...withCreateDefaults(ctx, collection, input),
    id: `${ID_PREFIX[collection]}-${randomUUID()}`,
  }) as RecordOf<C>;
  checkReferences(ctx, collection, parsed);
  const record = withLoanRules(ctx, collection, parsed);
  await ctx.store.update((db) => {
    (db[collection] as RecordOf<C>[]).push(record);
  });
  await ctx.changed();
  return structuredClone(record);
}

export async function updateRecord<C extends Collection>(
  ctx: ServiceContext,
  collection: C,
  id: string,
  patch: Record<string, unknown>,
): Promise<RecordOf<C>> {
  const existing = ctx.store.data[collection].find((r) => r.id === id);
  if (!existing) throw notFound(collection, id);
  const schema: z.ZodType = SCHEMAS[collection];
  const next: Record<string, unknown> = { ...existing };
  for (const [key, value] of Object.entries(patch)) {
    // null removes an optional field; undefined leaves it as it was.
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  // A formula taken off falls back to the exchange's own, as on create.
  if (collection === 'positions' && next.formula === undefined && typeof next.exchange === 'string')
    next.formula = formulaForExchange(next.exchange);
  const parsed = parseOrThrow(
    schema,
    { ...next, id },
    `The ${NOUNS[collection]} change`,
  ) as RecordOf<C>;
  checkReferences(ctx, collection, parsed);
  const merged = withLoanRules(ctx, collection, parsed, existing);
  await ctx.store.update((db) => {
    const list = db[collection] as RecordOf<C>[];
    const index = list.findIndex((r) => r.id === id);
    if (index < 0) throw notFound(collection, id);
    list[index] = merged;
  });
  await ctx.changed();
  return structuredClone(merged);
}

export async function removeRecord(
  ctx: ServiceContext,
  collection: Collection,
  id: string,
): Promise<{ id: string }> {
  if (!ctx.store.data[collection].some((r) => r.id === id)) throw notFound(collection, id);
  await ctx.store.update((db) => {
    const list: { id: string }[] = db[collection];
    list.splice(
      list.findIndex((r) => r.id === id),
      1,
    );
    if (collection === 'rigs') {
      for (const loan of db.loans) {
        if (loan.rigIds) loan.rigIds = loan.rigIds.filter((rigId) => rigId !== id);
      }
    }
  });
  ctx.rigLive.delete(id);
  await ctx.changed();
  return { id };
}
