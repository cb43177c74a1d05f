import type { Alert } from '#api/records';
import { pageHref, pageHrefWith, type PageKey } from '../routes';

// Where an alert's "View" leads: the page of its subject. A price alert leads to Settings
// with the manual-price form already holding the asset, the one-click way out of a stale feed.

const SUBJECT_PAGE: Record<Alert['subjectKind'], PageKey> = {
  position: 'positions',
  loan: 'loans',
  rig: 'rigs',
  price: 'settings',
  farm: 'overview',
};

export function alertSubjectHref(alert: Alert): string {
  if (alert.subjectKind === 'price') return pageHrefWith('settings', { asset: alert.subjectId });
  return pageHref(SUBJECT_PAGE[alert.subjectKind]);
}

export function alertSubjectLinkText(alert: Alert): string {
  if (alert.rule === 'price.stale' || alert.rule === 'price.single-source')
    return `Set a manual ${alert.subjectId} price`;
  if (alert.subjectKind === 'price') return `Check ${alert.subjectId} prices`;
  return `View ${alert.subjectKind}`;
}
