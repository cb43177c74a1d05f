// The mute subject that silences every alert, for the contract and the alert engine alike.
// `*` is accepted as another name for it (older files and scripts used it).

export const MUTE_ALL = 'all';
export const MUTE_ALL_ALIASES: readonly string[] = [MUTE_ALL, '*'];

export function mutesEverything(subjectId: string): boolean {
  return MUTE_ALL_ALIASES.includes(subjectId);
}
