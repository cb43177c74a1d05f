import { RpcError } from '#api/errors';
import type { ScheduleRow } from '#api/methods';
import type { Alert } from '#api/records';
import type { RealisedPnl } from '#api/realised-pnl';
import type { Review } from '#api/review';
import { loanSchedule } from '#core/loan-schedule';
import type { ServiceContext } from './context';
import { monthlySection, overviewSection, rigsSection } from './report-farm-sections';
import { loanSection } from './report-loan-section';
import { REPORT_STYLE, paragraph } from './report-markup';
import { escapeHtml, utcTime } from './report-text';
import { alertsSection, positionsSection, realisedSection } from './report-trading-sections';
import { type RunwayOutcome, runwaySection } from './report-runway-section';
import { endOfDay, getReview } from './review';
import { runwayFrom } from './runway';

// report.html: the review as one printable, self-contained HTML document a lender can be
// handed — inline CSS, no scripts, no external resources. Every cell is plain text
// escaped on its way into the markup (report-markup.ts); headings are escaped here. The
// sections are written in report-farm-sections.ts, report-loan-section.ts and
// report-trading-sections.ts, in the order they are printed below.

export interface ReportInput {
  review: Review;
  schedules: Record<string, ScheduleRow[]>;
  /** Alerts raised or still active during the reviewed months. */
  alerts: Alert[];
  /** Realised PnL entries dated within the reviewed months. */
  realisedPnl: RealisedPnl[];
  /** The runway from the reviewed day's farm, or why there is none. */
  runway: RunwayOutcome;
  generatedAt: string;
}

export function buildReportHtml(input: ReportInput): string {
  const { review } = input;
  const title = `RigLedger finance review as of ${review.asOf}`;
  const first = review.months[0];
  const period = first ? `${first.from} to ${review.asOf}` : review.asOf;
  const header = [
    `<h1>${escapeHtml(title)}</h1>`,
    paragraph(
      `Figures as of the end of ${review.asOf} (UTC); months reviewed: ${period}. All amounts in US dollars.`,
      'meta',
    ),
    paragraph(
      `Generated ${utcTime(input.generatedAt)}${review.snapshot.offline ? ', offline (last stored and manual values)' : ''}.`,
      'meta',
    ),
  ].join('\n');
  const sections: [id: string, html: string][] = [
    ['overview', overviewSection(review)],
    ['monthly', monthlySection(review.months)],
    [
      'runway',
      runwaySection(
        input.runway,
        review.asOf,
        Object.fromEntries(review.snapshot.loans.map((l) => [l.id, l.lender])),
      ),
    ],
    ['rigs', rigsSection(review.snapshot.rigs)],
    [
      'loans',
      [
        '<h2>Loans</h2>',
        review.snapshot.loans.length === 0
          ? paragraph('No loans.')
          : review.snapshot.loans
              .map((loan) => loanSection(loan, input.schedules[loan.id] ?? []))
              .join('\n'),
      ].join('\n'),
    ],
    ['positions', positionsSection(review.snapshot.positions)],
    ['alerts', alertsSection(input.alerts)],
    ['realised', realisedSection(input.realisedPnl)],
  ];
  const body = landmarks(header, sections);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_STYLE}</style>`,
    '</head>',
    `<body>\n${body}\n</body>`,
    '</html>',
    '',
  ].join('\n');
}

/**
 * The document's landmarks, so a screen reader can jump through the report: a header with
 * the title, a navigation list of the sections, and the sections in a main region, each
 * named by its heading.
 */
function landmarks(header: string, sections: readonly [id: string, html: string][]): string {
  const named = sections.map(([id, html]) => {
    const heading = /<h2>(.*?)<\/h2>/.exec(html);
    return { id, title: heading?.[1] ?? id, html: html.replace('<h2>', `<h2 id="${id}">`) };
  });
  const links = named.map(({ id, title }) => `<li><a href="#${id}">${title}</a></li>`);
  return [
    `<header>\n${header}\n</header>`,
    `<nav aria-label="Sections">\n<ul>\n${links.join('\n')}\n</ul>\n</nav>`,
    '<main>',
    ...named.map(({ id, html }) => `<section aria-labelledby="${id}">\n${html}\n</section>`),
    '</main>',
  ].join('\n');
}

export function reportHtml(
  ctx: ServiceContext,
  params: { asOf: string },
): { fileName: string; html: string } {
  const review = getReview(ctx, { asOf: params.asOf });
  const db = ctx.store.data;
  const from = review.months[0]?.from ?? params.asOf;
  const until = endOfDay(params.asOf).getTime();
  const schedules = Object.fromEntries(
    db.loans.map((loan) => [loan.id, loanSchedule(loan, endOfDay(params.asOf))]),
  );
  const alerts = db.alerts
    .filter((a) => Date.parse(a.raisedAt) <= until)
    .filter((a) => a.resolvedAt === undefined || a.resolvedAt.slice(0, 10) >= from)
    .sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
  const realisedPnl = db.realisedPnl
    .filter((e) => e.date >= from && e.date <= params.asOf)
    .sort((a, b) => a.date.localeCompare(b.date));
  return {
    fileName: `rigledger-review-${params.asOf}.html`,
    html: buildReportHtml({
      review,
      schedules,
      alerts,
      realisedPnl,
      runway: reportRunway(ctx, review),
      generatedAt: ctx.now().toISOString(),
    }),
  };
}

/**
 * The runway as the other sections are: from the review's Snapshot (the farm at the end of
 * the reviewed day, or now for today), twelve months at a flat price and the measured
 * difficulty trend. Without a BTC price or Bitcoin's height it says so instead.
 */
function reportRunway(ctx: ServiceContext, review: Review): RunwayOutcome {
  try {
    return { runway: runwayFrom(ctx, review.snapshot, { months: 12 }) };
  } catch (error) {
    if (error instanceof RpcError && error.code === 'conflict')
      return { unavailable: error.message };
    throw error;
  }
}
