/**
 * @module failures
 * Failures of the storage itself — a full disk, a read-only or damaged file, an unreachable database — told
 * apart from a refused statement (a constraint), so that they answer 503 and mark writes as failing.
 */

const SQLITE_STORAGE_CODES: Readonly<Record<string, string>> = {
  SQLITE_FULL: 'the disk is full',
  SQLITE_READONLY: 'the database file is read-only',
  SQLITE_CANTOPEN: 'the database file cannot be opened',
  SQLITE_CORRUPT: 'the database file is damaged',
  SQLITE_NOTADB: 'the file is not a database',
  SQLITE_BUSY: 'the database is busy',
  SQLITE_LOCKED: 'the database is locked',
  SQLITE_PERM: 'the database file may not be written',
};

/** Why the storage failed, for people, or null when the error is not a storage failure. */
export function storageFailure(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code.startsWith('SQLITE_IOERR')) return 'the disk could not be written';
    const base = Object.keys(SQLITE_STORAGE_CODES).find((known) => code === known || code.startsWith(`${known}_`));
    if (base) return SQLITE_STORAGE_CODES[base] ?? null;
  }
  // D1 names its failures in the message (D1_ERROR …); a constraint failure is not a storage failure.
  const text = `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}`;
  if (/constraint failed/i.test(text)) return null;
  if (/SQLITE_FULL|database or disk is full|exceeded.*(size|storage)/i.test(text)) return 'the database is full';
  if (/D1_ERROR|D1_EXEC_ERROR|Network connection lost|storage.*(unavailable|reset)/i.test(text)) return 'the database did not answer';
  return null;
}
