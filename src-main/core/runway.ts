import type { Loan } from '#api/records';
import type { Runway } from '#api/runway';
import { type Dec, HUNDRED, ONE, ZERO, dec, decStr, decStrOrNull } from '#shared/decimal';
import {
  HALVING_INTERVAL,
  RETARGET_INTERVAL,
  blocksFoundIn,
  btcSubsidyAt,
  expectedBlockTime,
  nextMultipleAbove,
  retargetsBefore,
} from './bitcoin-schedule';
import { type RunwayMonthSpan, loanAlongRunway } from './runway-loans';

// The runway (docs/formulas-risk.md "Runway"): month by month, the BTC the running rigs
// find as each retarget multiplies the difficulty by (1 + g) and the subsidy halves at its
// block, the revenue at a price path, the power bill, the loans' interest and principal as
// their schedules bill them, the net cash and each loan's LTV. Pure: today's figures in.

type Source = Runway['assumptions']['source'];

export interface RunwayInput {
  asOf: Date;
  months: number;
  pricePathPctPerMonth: Dec;
  difficulty: { perRetargetPct: Dec; source: Source };
  /** The chain feed's estimate of the next adjustment, shown when there is one. */
  nextRetargetEstimate: { changePct: Dec; date: string } | null;
  btc: {
    priceUsd: Dec;
    difficulty: Dec;
    /** The reward per block the Snapshot uses now (subsidy of the block being mined). */
    blockReward: Dec;
    feesPerBlock: Dec;
    height: number;
    blockTimeSec: number;
    /** What the running BTC rigs find a day now, after pool fees. */
    coinsPerDay: Dec;
  };
  otherCoinsRevenueUsdPerDay: Dec;
  powerCostUsdPerDay: Dec;
  loans: readonly Loan[];
  priceOf: (asset: string) => Dec | null;
}

const DAY_MS = 86_400_000;

function monthSpans(asOf: Date, count: number): (RunwayMonthSpan & { start: Date; end: Date })[] {
  const spans = [];
  let start = asOf;
  for (let i = 0; i < count; i++) {
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    spans.push({
      start,
      end,
      fromDay: start.toISOString().slice(0, 10),
      toDay: end.toISOString().slice(0, 10),
    });
    start = end;
  }
  return spans;
}

/** BTC found in blocks first..last: each block pays share × (subsidy + fees) / (1 + g)^k. */
function btcInBlocks(
  range: { first: number; last: number },
  input: RunwayInput,
  sharePerBlock: Dec,
  growth: Dec,
): Dec {
  const { height: tip, feesPerBlock } = input.btc;
  let total = ZERO;
  let n = range.first;
  while (n <= range.last) {
    // Blocks of one retarget period and one subsidy era pay alike.
    const end = Math.min(
      range.last,
      nextMultipleAbove(n, RETARGET_INTERVAL) - 1,
      nextMultipleAbove(n, HALVING_INTERVAL) - 1,
    );
    // docs/formulas-risk.md "Runway": BTC = blocks × s × (R + F) × D₀ / (D₀ (1+g)^k).
    const perBlock = sharePerBlock
      .mul(btcSubsidyAt(n).plus(feesPerBlock))
      .div(growth.pow(retargetsBefore(tip, n)));
    total = total.plus(perBlock.mul(end - n + 1));
    n = end + 1;
  }
  return total;
}

/** Retargets at the heights first..last: the multiples of 2,016 among them. */
function retargetsIn(first: number, last: number): number {
  if (last < first) return 0;
  return Math.floor(last / RETARGET_INTERVAL) - Math.floor((first - 1) / RETARGET_INTERVAL);
}

export function runway(input: RunwayInput): Runway {
  const { asOf, btc } = input;
  const growth = ONE.plus(input.difficulty.perRetargetPct.div(HUNDRED));
  const pricePath = ONE.plus(input.pricePathPctPerMonth.div(HUNDRED));
  const blocksPerDay = dec(86_400).div(btc.blockTimeSec);
  // The farm's share of one block at today's difficulty: BTC a day / (blocks a day × (R + F)).
  const rewardNow = btc.blockReward.plus(btc.feesPerBlock);
  const sharePerBlock = rewardNow.gt(0) ? btc.coinsPerDay.div(blocksPerDay.mul(rewardNow)) : ZERO;
  const spans = monthSpans(asOf, input.months);
  const factor = (i: number) => pricePath.pow(i);

  const halvingHeight = nextMultipleAbove(btc.height, HALVING_INTERVAL);
  const halvingDate = expectedBlockTime(btc.height, asOf, halvingHeight, btc.blockTimeSec);
  // The block being mined now (tip + 1) is mined at today's difficulty, even when it opens a period.
  const retargetHeight = nextMultipleAbove(btc.height + 1, RETARGET_INTERVAL);

  const loans = input.loans.map((loan) => ({
    loan,
    along: loanAlongRunway({
      loan,
      asOf,
      months: spans,
      priceFactor: factor,
      priceOf: input.priceOf,
    }),
  }));
  const months = spans.map((span, i) => {
    const days = dec(span.end.getTime() - span.start.getTime()).div(DAY_MS);
    const blocks = blocksFoundIn(btc.height, asOf, span.start, span.end, btc.blockTimeSec);
    const btcProduced = blocks === null ? ZERO : btcInBlocks(blocks, input, sharePerBlock, growth);
    const price = btc.priceUsd.mul(factor(i));
    const revenue = btcProduced
      .mul(price)
      .plus(input.otherCoinsRevenueUsdPerDay.mul(days).mul(factor(i)));
    const power = input.powerCostUsdPerDay.mul(days);
    const interest = loans.reduce((sum, l) => sum.plus(l.along.interest[i]!), ZERO);
    const principal = loans.reduce((sum, l) => sum.plus(l.along.principal[i]!), ZERO);
    const net = revenue.minus(power).minus(interest).minus(principal);
    return {
      month: span.fromDay.slice(0, 7),
      from: span.fromDay,
      days: decStr(days, 4),
      btcProduced: decStr(btcProduced, 8),
      btcPriceUsd: decStr(price, 2),
      revenueUsd: decStr(revenue, 2),
      powerCostUsd: decStr(power, 2),
      interestUsd: decStr(interest, 2),
      principalDueUsd: decStr(principal, 2),
      netUsd: decStr(net, 2),
      halving: blocks !== null && blocks.first <= halvingHeight && halvingHeight <= blocks.last,
      retargets:
        blocks === null ? 0 : retargetsIn(Math.max(blocks.first, btc.height + 2), blocks.last),
      loans: loans.map((l) => ({
        id: l.loan.id,
        ltvPct: decStrOrNull(l.along.ltvPct[i] ?? null, 2),
      })),
      net,
    };
  });

  const marginCallFrom = loans.flatMap(({ loan, along }) => {
    const i = along.ltvPct.findIndex((ltv) => ltv !== null && ltv.gte(dec(loan.marginCallLtvPct)));
    return i < 0 || loan.collateral.length === 0
      ? []
      : [{ loanId: loan.id, lender: loan.lender, month: months[i]!.month }];
  });
  const retargetDate = expectedBlockTime(btc.height, asOf, retargetHeight, btc.blockTimeSec);
  const estimate = input.nextRetargetEstimate;
  return {
    assumptions: {
      difficultyPerRetargetPct: decStr(input.difficulty.perRetargetPct, 4),
      source: input.difficulty.source,
      halvingHeight,
      halvingDate: halvingDate.toISOString(),
      blocksToHalving: halvingHeight - btc.height,
      daysToHalving: decStr(dec(halvingDate.getTime() - asOf.getTime()).div(DAY_MS), 1),
      nextRetarget: {
        height: retargetHeight,
        date: estimate?.date ?? retargetDate.toISOString(),
        estimatedChangePct: decStr(estimate?.changePct ?? input.difficulty.perRetargetPct, 2),
        source: estimate ? 'mempool' : input.difficulty.source,
      },
      height: btc.height,
      blockTimeSec: btc.blockTimeSec,
      difficulty: decStr(btc.difficulty),
      feesPerBlockBtc: decStr(btc.feesPerBlock, 8),
      btcPriceUsd: decStr(btc.priceUsd, 2),
      pricePathPctPerMonth: decStr(input.pricePathPctPerMonth),
      btcPerDay: decStr(btc.coinsPerDay, 8),
      powerCostUsdPerDay: decStr(input.powerCostUsdPerDay, 2),
      otherCoinsRevenueUsdPerDay: decStr(input.otherCoinsRevenueUsdPerDay, 2),
    },
    months: months.map(({ net: _net, ...row }) => row),
    cashNegativeFrom: months.find((m) => m.net.lt(0))?.month ?? null,
    marginCallFrom,
  };
}
