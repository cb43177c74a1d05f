import { describe, expect, it } from 'vitest';
import { DEPRECATED_METHOD_NAMES } from '#api/method-aliases';
import { MAX_BACKUP_BODY_BYTES, MAX_BODY_BYTES, bodyLimitFor } from './rpc';

describe('body limits', () => {
  it('lets a backup or an import file be large, any other call 1 MiB', () => {
    expect(bodyLimitFor('backup.import')).toBe(MAX_BACKUP_BODY_BYTES);
    expect(bodyLimitFor('rigs.importCsv')).toBe(MAX_BACKUP_BODY_BYTES);
    expect(bodyLimitFor('positions.importCcxt')).toBe(MAX_BACKUP_BODY_BYTES);
    expect(bodyLimitFor('rigs.create')).toBe(MAX_BODY_BYTES);
    expect(bodyLimitFor('no.such.method')).toBe(MAX_BODY_BYTES);
  });

  it.each(Object.entries(DEPRECATED_METHOD_NAMES))(
    'gives the old name %s the limit of %s',
    (oldName, newName) => expect(bodyLimitFor(oldName)).toBe(bodyLimitFor(newName)),
  );
});
