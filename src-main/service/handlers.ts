import type { AlertEngine } from './alerts';
import type { ServiceContext } from './context';
import type { HandlerTable } from './dispatch';
import { clearManualPrice, setManualNetwork, setManualPrice } from './market';
import { createRecord, listRecords, removeRecord, updateRecord } from './records';
import { updateSettings } from './settings';
import { computeSnapshot } from './snapshot';
import { RpcError } from '../api/errors';

function notYet(method: string): never {
  throw new RpcError('not_found', `${method} is not available in this version.`);
}

export interface ServiceParts {
  alerts: AlertEngine;
}

export function createHandlers(ctx: ServiceContext, parts: ServiceParts): HandlerTable {
  return {
    'snapshot.get': ({ asOf }) => computeSnapshot(ctx, asOf ? { asOf: new Date(asOf) } : {}),

    'rigs.list': () => listRecords(ctx, 'rigs'),
    'rigs.create': (input) => createRecord(ctx, 'rigs', input),
    'rigs.update': ({ id, patch }) => updateRecord(ctx, 'rigs', id, patch),
    'rigs.remove': ({ id }) => removeRecord(ctx, 'rigs', id),

    'loans.list': () => listRecords(ctx, 'loans'),
    'loans.create': (input) => createRecord(ctx, 'loans', input),
    'loans.update': ({ id, patch }) => updateRecord(ctx, 'loans', id, patch),
    'loans.remove': ({ id }) => removeRecord(ctx, 'loans', id),
    'loans.addPayment': () => notYet('loans.addPayment'),
    'loans.schedule': () => notYet('loans.schedule'),

    'positions.list': () => listRecords(ctx, 'positions'),
    'positions.create': (input) => createRecord(ctx, 'positions', input),
    'positions.update': ({ id, patch }) => updateRecord(ctx, 'positions', id, patch),
    'positions.remove': ({ id }) => removeRecord(ctx, 'positions', id),

    'prices.setManual': ({ asset, usd }) => setManualPrice(ctx, asset, usd),
    'prices.clearManual': ({ asset }) => clearManualPrice(ctx, asset),
    'network.setManual': (params) => setManualNetwork(ctx, params),

    'settings.get': () => structuredClone(ctx.store.data.settings),
    'settings.update': (patch) => updateSettings(ctx, patch),

    'feeds.refresh': () => notYet('feeds.refresh'),
    'feeds.status': () => notYet('feeds.status'),
    'alerts.list': ({ includeResolved }) => parts.alerts.list(includeResolved ?? false),
    'alerts.acknowledge': ({ id }) => parts.alerts.acknowledge(id),
    'alerts.mute': ({ subjectId, until }) => parts.alerts.mute(subjectId, until),
    'scenario.run': ({ shocksPct }) => computeSnapshot(ctx, { shocksPct }),
    'hedge.plan': () => notYet('hedge.plan'),
    'history.get': () => notYet('history.get'),
    'history.series': () => notYet('history.series'),
    'backup.export': () => notYet('backup.export'),
    'backup.import': () => notYet('backup.import'),
    'backups.list': () => notYet('backups.list'),
    'backups.create': () => notYet('backups.create'),
    'backups.restore': () => notYet('backups.restore'),
  };
}
