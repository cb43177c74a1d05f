import { summarise } from './snapshot-summary';
import type { FeedScheduler } from '#feeds/scheduler';
import { hedgePlanFromSnapshot } from '#core/hedge';
import { loanSchedule } from '#core/loan-schedule';
import type { AlertEngine } from './alerts';
import type { Notifier } from './notifications/notifier';
import { exportBackup, importBackup } from './backup-document';
import { previewBackup } from './backup-preview';
import { importCcxtPositions } from './ccxt-import';
import { closePosition } from './position-close';
import { exportCsv } from './csv-export';
import { addRealisedPnl, listRealisedPnl, removeRealisedPnl } from './realised-pnl';
import { addFunding, listFunding, removeFunding } from './funding';
import { importFunding } from './funding-import';
import { reportHtml } from './report';
import { historyGet, historySeries } from './history';
import { getReview } from './review';
import { getRunway } from './runway';
import { importRigsCsv } from './rig-csv-import';
import { addLoanPayment, removeLoanPayment, updateLoanPayment } from './loan-payments';
import { listActiveMutes, unmuteSubject } from './mutes';
import type { ServiceContext } from './context';
import type { HandlerTable } from './dispatch';
import { clearManualPrice, setManualNetwork, setManualPrice } from './market';
import { createRecord, listRecords, removeRecord, updateRecord } from './records';
import { currentSettings, updateSettings } from './settings';
import { computeSnapshot, currentSnapshot } from './snapshot';
import { RpcError } from '#api/errors';

export interface ServiceParts {
  alerts: AlertEngine;
  notifier: Notifier;
  feeds: FeedScheduler;
  /** Resolves once every feed result received so far has been stored. */
  feedsSettled(): Promise<void>;
}

export function createHandlers(ctx: ServiceContext, parts: ServiceParts): HandlerTable {
  return {
    'snapshot.get': ({ asOf }) =>
      asOf ? computeSnapshot(ctx, { asOf: new Date(asOf) }) : currentSnapshot(ctx),

    'snapshot.summary': ({ worst }) => summarise(currentSnapshot(ctx), worst),

    'rigs.list': () => listRecords(ctx, 'rigs'),
    'rigs.create': (input) => createRecord(ctx, 'rigs', input),
    'rigs.update': ({ id, patch }) => updateRecord(ctx, 'rigs', id, patch),
    'rigs.remove': ({ id }) => removeRecord(ctx, 'rigs', id),
    'rigs.importCsv': (params) => importRigsCsv(ctx, params),

    'loans.list': () => listRecords(ctx, 'loans'),
    'loans.create': (input) => createRecord(ctx, 'loans', input),
    'loans.update': ({ id, patch }) => updateRecord(ctx, 'loans', id, patch),
    'loans.remove': ({ id }) => removeRecord(ctx, 'loans', id),
    'loans.addPayment': (params) => addLoanPayment(ctx, params),
    'loans.updatePayment': (params) => updateLoanPayment(ctx, params),
    'loans.removePayment': (params) => removeLoanPayment(ctx, params),
    'loans.schedule': ({ id }) => {
      const loan = ctx.store.data.loans.find((l) => l.id === id);
      if (!loan)
        throw new RpcError('not_found', `No loan has the id "${id}"; it may have been removed.`);
      return loanSchedule(loan, ctx.now());
    },

    'positions.list': () => listRecords(ctx, 'positions'),
    'positions.create': (input) => createRecord(ctx, 'positions', input),
    'positions.update': ({ id, patch }) => updateRecord(ctx, 'positions', id, patch),
    'positions.remove': ({ id }) => removeRecord(ctx, 'positions', id),
    'positions.importCcxt': (params) => importCcxtPositions(ctx, params),
    'positions.close': (params) => closePosition(ctx, params),

    'prices.setManual': (params) => setManualPrice(ctx, params),
    'prices.clearManual': ({ asset }) => clearManualPrice(ctx, asset),
    'network.setManual': (params) => setManualNetwork(ctx, params),

    'settings.get': () => structuredClone(currentSettings(ctx)),
    'settings.update': async (patch) => {
      const settings = await updateSettings(ctx, patch);
      // New intervals, sources or the offline switch take effect now, not after the old timer.
      if (
        ['pollIntervalSec', 'rigPollIntervalSec', 'offline', 'sources'].some((key) => key in patch)
      ) {
        await parts.feeds.stop();
        parts.feeds.start();
      }
      return settings;
    },

    'feeds.refresh': async () => {
      // "Refresh now" means every source: prices, chain stats and the rigs.
      const [round] = await Promise.all([parts.feeds.refresh(), parts.feeds.pollRigsNow()]);
      await parts.feedsSettled();
      return { prices: currentSnapshot(ctx).prices, errors: round.errors };
    },
    'feeds.status': () => parts.feeds.status(),
    'notifications.test': ({ channelId }) => parts.notifier.test(channelId),
    'notifications.status': () => parts.notifier.status(),
    'alerts.list': ({ includeResolved }) => parts.alerts.list(includeResolved ?? false),
    'alerts.acknowledge': ({ id }) => parts.alerts.acknowledge(id),
    'alerts.mute': ({ subjectId, until }) => parts.alerts.mute(subjectId, until),
    'alerts.unmute': ({ subjectId }) => unmuteSubject(ctx, subjectId),
    'alerts.mutes': () => listActiveMutes(ctx),
    'scenario.run': ({ shocksPct }) => computeSnapshot(ctx, { shocksPct }),
    'hedge.plan': (params) => {
      const outcome = hedgePlanFromSnapshot(
        currentSnapshot(ctx),
        params,
        ctx.store.data.lastFunding,
      );
      if (!outcome.ok) throw new RpcError('conflict', outcome.message);
      return outcome.plan;
    },
    'runway.get': (params) => getRunway(ctx, params),
    'history.get': ({ series, from, to }) => historyGet(ctx, series, from, to),
    'history.series': () => historySeries(ctx),
    'backup.export': ({ includeSecrets }) => exportBackup(ctx, includeSecrets ?? false),
    'backup.import': (document) => importBackup(ctx, document),
    'backup.preview': (document) => previewBackup(ctx, document),
    'backup.list': () => ctx.store.backups.list(),
    'backup.create': () => ctx.store.backups.create(),
    'backup.restore': async ({ name }) => {
      await ctx.store.backups.restore(name);
      await ctx.changed();
      return { restored: name };
    },

    'notices.list': () => ctx.store.notices,
    'notices.dismiss': async ({ id }) => {
      if (!(await ctx.store.dismissNotice(id))) {
        throw new RpcError(
          'not_found',
          `There is no notice "${id}"; it may have been dismissed already.`,
        );
      }
      await ctx.changed();
      return ctx.store.notices;
    },

    'pnl.list': () => listRealisedPnl(ctx),
    'pnl.add': (input) => addRealisedPnl(ctx, input),
    'pnl.remove': ({ id }) => removeRealisedPnl(ctx, id),
    'funding.list': ({ positionId }) => listFunding(ctx, positionId),
    'funding.add': (params) => addFunding(ctx, params),
    'funding.remove': ({ id }) => removeFunding(ctx, id),
    'funding.import': (params) => importFunding(ctx, params),
    'review.get': (params) => getReview(ctx, params),
    'report.html': (params) => reportHtml(ctx, params),
    'csv.export': ({ kind }) => exportCsv(ctx, kind),
  };
}
