import { isMethodName, type MethodName } from './methods';

// Old method names, kept for one version because other tools (scripts, a spreadsheet's
// web query, a home-automation hook) call them. Each answers exactly like its new name:
// the dispatcher runs the new name's schemas and handler. Deprecated: they go away in the
// version after the one that renamed them (docs/contract.md lists them).

export const DEPRECATED_METHOD_NAMES = {
  'backups.list': 'backup.list',
  'backups.create': 'backup.create',
  'backups.restore': 'backup.restore',
  'export.csv': 'csv.export',
  'import.rigsCsv': 'rigs.importCsv',
  'import.ccxtPositions': 'positions.importCcxt',
} as const satisfies Record<string, MethodName>;

export type DeprecatedMethodName = keyof typeof DEPRECATED_METHOD_NAMES;

export function isDeprecatedMethodName(name: string): name is DeprecatedMethodName {
  return Object.hasOwn(DEPRECATED_METHOD_NAMES, name);
}

/** The contract's method a name stands for (itself, or the new name of an old one); null if none. */
export function methodNamed(name: string): MethodName | null {
  if (isDeprecatedMethodName(name)) return DEPRECATED_METHOD_NAMES[name];
  return isMethodName(name) ? name : null;
}
