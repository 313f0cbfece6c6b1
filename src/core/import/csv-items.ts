/**
 * @module csv-items
 * The rows of a spreadsheet in the import template (core/events/events-csv.ts, whose download is the
 * template) as import items. Headers may be the column keys or their names in any of de/en/zh; columns the
 * import does not know (the both-sides time) are ignored. Bytes are UTF-8 (a byte order mark allowed),
 * Windows-1252 (German Excel) or GB18030 (Chinese Excel); without `charset`, UTF-8 is taken when the bytes
 * are valid UTF-8, otherwise the legacy encoding whose decoding of the header row names more known columns
 * (Windows-1252 on a tie). The delimiter is `,` or `;` (German Excel), taken from the header row unless given.
 * Times may come back from Excel reformatted (`24.10.2027 09:00`, `2027/10/24 9:00`); they are read back.
 */
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { EVENT_TABLE_COLUMNS, type EventTableColumn } from '../events/events-csv.js';
import { words } from '../i18n/catalogue.js';
import { LANGS, type LocalizedText } from '../model.js';
import { fail, ok, type Result } from '../result.js';
import type { ImportFields, ImportItem } from './import-item.js';

export const CSV_CHARSETS = ['utf-8', 'windows-1252', 'gb18030'] as const;
export type CsvCharset = (typeof CSV_CHARSETS)[number];

/** Decodes the bytes of a legacy encoding (Windows-1252, GB18030). */
export type LegacyDecoder = (bytes: Uint8Array, charset: Exclude<CsvCharset, 'utf-8'>) => string;

/** The runtime's own decoder (WHATWG Encoding); Node 20's is wrong for Windows-1252, so Node passes another. */
export const webDecoder: LegacyDecoder = (bytes, charset) => new TextDecoder(charset).decode(bytes);

export interface CsvImportOptions {
  readonly charset?: CsvCharset;
  readonly delimiter?: ',' | ';';
  readonly decodeLegacy?: LegacyDecoder;
}

/** Columns the import reads: the template's, and the UID of an event that came from a calendar. */
type ReadColumn = Exclude<EventTableColumn, 'both_sides'> | 'uid';

const normal = (header: string) =>
  header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();

/** Every spelling of a column's header: its key and its name in each language. */
const HEADERS: ReadonlyMap<string, ReadColumn> = new Map([
  ['uid', 'uid'],
  ...EVENT_TABLE_COLUMNS.filter((c): c is Exclude<EventTableColumn, 'both_sides'> => c !== 'both_sides').flatMap((column) => [
    [column, column] as const,
    ...LANGS.map((lang) => [normal(words(lang).table[column]), column] as const),
  ]),
]);

/** How many cells of a header line name a known column. */
const knownHeaders = (line: string) => line.split(/[,;]/).filter((cell) => HEADERS.has(normal(cell.replace(/^"|"$/g, '')))).length;

/** The text of the bytes in the charset given or detected, and that charset. */
function decode(
  bytes: Uint8Array,
  options: CsvImportOptions,
): Result<{ text: string; charset: CsvCharset }, { field: string; message: string }> {
  const legacy = options.decodeLegacy ?? webDecoder;
  const utf8 = () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  if (options.charset && options.charset !== 'utf-8') return ok({ text: legacy(bytes, options.charset), charset: options.charset });
  try {
    return ok({ text: utf8(), charset: 'utf-8' });
  } catch {
    if (options.charset === 'utf-8') return fail({ field: 'query.charset', message: 'the file is not valid UTF-8' });
    const [western, chinese] = [legacy(bytes, 'windows-1252'), legacy(bytes, 'gb18030')];
    const header = (text: string) => text.split(/\r?\n/, 1)[0] ?? '';
    return ok(
      knownHeaders(header(chinese)) > knownHeaders(header(western))
        ? { text: chinese, charset: 'gb18030' }
        : { text: western, charset: 'windows-1252' },
    );
  }
}

/**
 * Whether `incoming` is `stored` as a file in Windows-1252 carries it: the same text with every character the
 * encoding lacks (Chinese, above all) written as `?`, as Excel and iconv write them. Such a cell keeps the
 * stored text instead of replacing it with question marks.
 */
export function lostInLegacyEncoding(stored: string, incoming: string): boolean {
  if (!incoming.includes('?')) return false;
  const [a, b] = [[...stored], [...incoming]];
  return (
    a.length === b.length &&
    a.some((c, i) => c !== b[i]) &&
    a.every((c, i) => c === b[i] || (b[i] === '?' && (c.codePointAt(0) ?? 0) > 0xff))
  );
}

/** Whether a cell says yes, in any of our languages or as spreadsheets write it. */
const YES = new Set(['yes', 'ja', 'y', 'j', 'x', 'true', 'wahr', '1', '是', '是的']);

/** A list cell (cities, sources): separated by commas, semicolons or the Chinese comma. */
const list = (cell: string) =>
  cell
    .split(/[,;，、；]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The time formats spreadsheets write back, each with its precision. */
const TIME_FORMATS: ReadonlyArray<readonly [string, 'minute' | 'day']> = [
  ...["yyyy-MM-dd'T'HH:mm", 'yyyy-MM-dd H:mm', 'd.M.yyyy H:mm', 'yyyy/M/d H:mm'].flatMap((f) => [
    [f, 'minute'] as const,
    [`${f}:ss`, 'minute'] as const,
  ]),
  ['yyyy-MM-dd', 'day'],
  ['d.M.yyyy', 'day'],
  ['yyyy/M/d', 'day'],
];

/**
 * A time cell as a wall-time literal. Months and years pass as written, and so does a literal no format reads
 * (or one with seconds), for the write to refuse with its message.
 */
function timeLiteral(cell: string): string {
  const text = cell.trim();
  for (const [format, precision] of TIME_FORMATS) {
    const parsed = DateTime.fromFormat(text, format, { zone: 'UTC' });
    if (parsed.isValid && parsed.second === 0) return parsed.toFormat(precision === 'minute' ? "yyyy-MM-dd'T'HH:mm" : 'yyyy-MM-dd');
  }
  return text;
}

/** One row's cells as the fields of an item. */
function fieldsOf(cells: ReadonlyMap<ReadColumn, string>): Result<ImportFields, { field: string; message: string }> {
  const cell = (column: ReadColumn) => cells.get(column)?.trim() ?? '';
  const has = (column: ReadColumn) => cells.has(column);
  const text = (field: 'title' | 'description'): LocalizedText | undefined => {
    if (!LANGS.some((lang) => has(`${field}_${lang}`))) return undefined;
    return Object.fromEntries(LANGS.flatMap((lang) => (cell(`${field}_${lang}`) === '' ? [] : [[lang, cell(`${field}_${lang}`)]])));
  };
  const revision = cell('revision');
  if (revision !== '' && !/^\d+$/.test(revision)) return fail({ field: 'revision', message: 'a revision is a whole number' });
  const title = text('title');
  const description = text('description');
  const optional = (column: ReadColumn) => (cell(column) === '' ? null : cell(column));
  return ok({
    ...(cell('id') !== '' && { id: cell('id') }),
    ...(cell('uid') !== '' && { uid: cell('uid') }),
    ...(has('kind') && { kind: cell('kind') }),
    ...(title && { title }),
    ...(description && { description }),
    ...(has('start') && { start: cell('start') === '' ? null : timeLiteral(cell('start')) }),
    ...(has('end') && { end: cell('end') === '' ? null : timeLiteral(cell('end')) }),
    ...(cell('time_zone') !== '' && { timeZone: cell('time_zone') }),
    ...(has('cities') && { cities: list(cell('cities')) }),
    ...(has('participants') && { participants: list(cell('participants')) }),
    ...(has('audience') && { audience: optional('audience') }),
    ...(has('related') && { related: YES.has(cell('related').toLowerCase()) }),
    ...(has('status') && cell('status') !== '' && { status: cell('status').toLowerCase() }),
    ...(has('location') && { location: optional('location') }),
    ...(has('url') && { url: optional('url') }),
    ...(has('sources') && { sources: list(cell('sources')).map((ref) => ({ ref })) }),
    ...(revision !== '' && { revision: Number(revision) }),
  });
}

/** The rows of a spreadsheet as import items (rows counted as a spreadsheet shows them, the header being row 1). */
export function csvItems(
  bytes: Uint8Array,
  options: CsvImportOptions = {},
): Result<{ items: ImportItem[]; charset: CsvCharset }, { field: string; message: string }> {
  const decoded = decode(bytes, options);
  if (!decoded.ok) return decoded;
  const text = decoded.value.text.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = options.delimiter ?? ((firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',');
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    return fail({ field: 'body', message: `not a CSV file: ${error instanceof Error ? error.message : String(error)}` });
  }
  const [header = [], ...rows] = records;
  const columns = header.map((name) => HEADERS.get(normal(name)) ?? null);
  if (!columns.includes('start') && !columns.includes('id'))
    return fail({ field: 'body', message: 'the header row names no known column (download the template: GET /api/v1/events.csv)' });
  return ok({
    charset: decoded.value.charset,
    items: rows.map((row, index): ImportItem => {
      const key = { row: index + 2 };
      const cells = new Map<ReadColumn, string>();
      columns.forEach((column, i) => {
        if (column) cells.set(column, row[i] ?? '');
      });
      const fields = fieldsOf(cells);
      return fields.ok ? { key, ok: true, fields: fields.value } : { key, ok: false, ...fields.error };
    }),
  });
}
