/**
 * @module import-events
 * Importing events from a file (an iCalendar export of Outlook, Google or Apple, or a spreadsheet in the
 * template): a dry run first, stored for 24 hours so that any isolate can commit it, listing each item as new,
 * update (same id, same UID), unchanged or error (with the field); then one atomic commit of its new and
 * updated items as a bounded number of set-based statements (storage/imports-repository.ts). Each item is
 * checked as any write is (writing/event-input.ts); a city editor imports the events of their cities, and an item
 * beyond them is an error that says so. Importing the same file again changes nothing.
 */

import { sha256Hex } from '../core/bytes.js';
import { type CsvCharset, csvItems, type LegacyDecoder, lostInLegacyEncoding } from '../core/import/csv-items.js';
import { icsItems } from '../core/import/ics-items.js';
import type { ImportFields, ImportItem, ItemKey } from '../core/import/import-item.js';
import type { Account, EventKind, EventRecord, Lang } from '../core/model.js';
import { fail, ok, type Result } from '../core/result.js';
import { referenceData } from '../documents/reference-data.js';
import { bumpDataVersion } from '../storage/data-version.js';
import { getEvents } from '../storage/events-repository.js';
import { isLostRace } from '../storage/history-repository.js';
import {
  commitImportStatement,
  eventIdsByUid,
  expiredImportsStatement,
  getImport,
  type ImportedEvent,
  importEventsStatements,
  insertImportStatement,
} from '../storage/imports-repository.js';
import { insertProposalsStatement, openProposal, type StoredProposal } from '../storage/proposals-repository.js';
import { mayEdit } from './accounts.js';
import { type EventInput, eventInputSchema, inputOf, recordFromInput } from './event-input.js';
import { newIdOf, sameEvent, type WriteContext } from './write-event.js';

/** How long a dry run can be committed. */
export const IMPORT_HOURS = 24;
/** Most items one file may hold. */
export const MAX_IMPORT_ITEMS = 2000;

export type ImportFormat = 'ics' | 'csv';

export interface ImportRequest {
  readonly format: ImportFormat;
  readonly bytes: Uint8Array;
  /** The language of iCalendar texts that do not say theirs. */
  readonly lang: Lang;
  /** The zone of floating and UTC times (an IANA name, resolved by the caller). */
  readonly timeZone?: string;
  /** Where an item that names no city takes place (any spelling). */
  readonly cities?: readonly string[];
  /** The kind of an item that gives none. */
  readonly kind?: EventKind;
  readonly charset?: CsvCharset;
  readonly delimiter?: ',' | ';';
  readonly decodeLegacy?: LegacyDecoder;
}

export type Outcome = 'new' | 'update' | 'unchanged' | 'error';

/** One item of a dry run or a commit, as the API answers it. */
export type ImportItemResult = ItemKey & {
  readonly outcome: Outcome;
  readonly id?: string;
  /** The item's title, in the first language it has. */
  readonly title?: string;
  /** A city editor's item beyond their cities: `true` in the dry run, the proposal's id once committed. */
  readonly proposal?: true | string;
  readonly field?: string;
  readonly message?: string;
};

export interface DryRun {
  readonly id: string;
  readonly expires: string;
  readonly items: readonly ImportItemResult[];
}

/** What a commit applies for one item: the input checked against the revision it saw. */
interface PlanEntry {
  readonly index: number;
  readonly eventId: string;
  readonly baseRevision: number | null;
  readonly uid: string | null;
  readonly input: EventInput;
  /** A city editor's item beyond their cities: committed as a proposal for the secretariat. */
  readonly propose?: true;
}

export type ImportError =
  | { readonly code: 'invalid_input'; readonly field: string; readonly message: string }
  | { readonly code: 'not_found' | 'gone' | 'import_stale'; readonly field: 'id'; readonly message: string };

/** A file's items, and whether its encoding (Windows-1252) could not carry Chinese text. */
interface FileItems {
  readonly items: ImportItem[];
  readonly lossy: boolean;
}

/** The file's items, or why it is not a file of its format. */
function itemsOf(request: ImportRequest): Result<FileItems, ImportError> {
  let file: FileItems;
  if (request.format === 'ics') {
    const parsed = icsItems(new TextDecoder().decode(request.bytes), {
      lang: request.lang,
      ...(request.timeZone && { timeZone: request.timeZone }),
    });
    if (!parsed.ok) return fail({ code: 'invalid_input', ...parsed.error });
    file = { items: parsed.value, lossy: false };
  } else {
    const parsed = csvItems(request.bytes, {
      ...(request.decodeLegacy && { decodeLegacy: request.decodeLegacy }),
      ...(request.charset && { charset: request.charset }),
      ...(request.delimiter && { delimiter: request.delimiter }),
    });
    if (!parsed.ok) return fail({ code: 'invalid_input', ...parsed.error });
    file = { items: parsed.value.items, lossy: parsed.value.charset === 'windows-1252' };
  }
  if (file.items.length > MAX_IMPORT_ITEMS)
    return fail({ code: 'invalid_input', field: 'body', message: `a file holds at most ${MAX_IMPORT_ITEMS} events; split it` });
  return ok(file);
}

/** Texts of the stored event that a Windows-1252 file wrote as question marks keep their stored value. */
function keepLostTexts(merged: Record<string, unknown>, stored: EventRecord): void {
  for (const name of ['title', 'description'] as const) {
    const incoming = merged[name] as Record<string, string | undefined>;
    for (const [lang, text] of Object.entries(stored[name]))
      if (text !== undefined && incoming[lang] !== undefined && lostInLegacyEncoding(text, incoming[lang]))
        merged[name] = { ...incoming, [lang]: text };
  }
  if (stored.location && typeof merged.location === 'string' && lostInLegacyEncoding(stored.location, merged.location))
    merged.location = stored.location;
}

/** Our id inside a UID we wrote (`<id>@<uid domain>`, core/events/identity.ts), if it is one. */
function ourId(uid: string | undefined, uidDomain: string): string | null {
  const suffix = `@${uidDomain}`;
  return uid?.endsWith(suffix) ? uid.slice(0, -suffix.length) : null;
}

/**
 * An item's fields laid over the stored event's input (or, for a new one, the import's defaults). Texts from a
 * calendar set their language and keep the others; a spreadsheet's text columns stand for all three.
 */
function mergedInput(fields: ImportFields, stored: EventRecord | null, request: ImportRequest, lossy: boolean): Record<string, unknown> {
  const base: Record<string, unknown> = stored
    ? inputOf(stored)
    : { kind: request.kind ?? 'other', cities: request.cities ?? [], start: null, title: {} };
  const { id: _id, uid: _uid, revision: _revision, status, ...rest } = fields;
  const texts = (name: 'title' | 'description') =>
    fields[name] === undefined ? {} : { [name]: request.format === 'ics' ? { ...(base[name] as object), ...fields[name] } : fields[name] };
  const merged: Record<string, unknown> = { ...base, ...rest, ...texts('title'), ...texts('description') };
  // A cancelled event stays cancelled (cancelling and reinstating are done in the editor or the API); other
  // states are the item's.
  if (status !== undefined && status !== 'cancelled') merged.status = status;
  if (fields.cities?.length === 0) merged.cities = base.cities;
  // A spreadsheet names sources by id only: a citation it keeps keeps its note.
  if (fields.sources && stored) merged.sources = fields.sources.map(({ ref }) => stored.sources.find((c) => c.ref === ref) ?? { ref });
  if (fields.timeZone === undefined && stored === null && request.timeZone) merged.timeZone = request.timeZone;
  if (lossy && stored) keepLostTexts(merged, stored);
  return merged;
}

/**
 * A spreadsheet row that names neither our id nor a UID gets a source key from what identifies it (kind,
 * titles, start, cities), kept as its UID: the same row imported again is the same event, unchanged.
 */
async function withSourceKey(item: ImportItem): Promise<ImportItem> {
  if (!item.ok || item.fields.id !== undefined || item.fields.uid !== undefined || !('row' in item.key)) return item;
  const { kind, title, start, cities } = item.fields;
  const key = await sha256Hex(JSON.stringify([kind, title, start, cities]));
  return { ...item, fields: { ...item.fields, uid: `sheet:${key}` } };
}

/** The field of a checked input an issue names, for the dry run (`title.de` → `title`). */
const topField = (path: string) => path.split('.')[0] || 'body';

/** Runs an import without writing events: each item's outcome, stored as a dry run the same account can commit. */
export async function dryRunImport(ctx: WriteContext, account: Account, request: ImportRequest): Promise<Result<DryRun, ImportError>> {
  const parsed = itemsOf(request);
  if (!parsed.ok) return parsed;
  const { lossy } = parsed.value;
  const items = await Promise.all(parsed.value.items.map(withSourceKey));
  const { db } = ctx.deps.store;
  const { uidDomain } = ctx.deps.config;
  const wanted = (fields: ImportFields) => fields.id ?? ourId(fields.uid, uidDomain);
  const okItems = items.flatMap((item) => (item.ok ? [item.fields] : []));
  const byUid = await eventIdsByUid(
    db,
    okItems.flatMap((f) => (f.uid && !ourId(f.uid, uidDomain) ? [f.uid] : [])),
  );
  const ids = [...new Set(okItems.flatMap((f) => [wanted(f), f.uid ? byUid.get(f.uid) : undefined].filter((x): x is string => !!x)))];
  const stored = new Map((await getEvents(db, ids)).map((e) => [e.id, e]));
  const reference = await referenceData(ctx.deps, ctx.cache);
  const at = new Date(ctx.deps.clock()).toISOString();
  const seen = new Set<string>();
  const results: ImportItemResult[] = [];
  const plan: PlanEntry[] = [];
  for (const [index, item] of items.entries()) {
    const title = item.ok ? Object.values(item.fields.title ?? {}).find(Boolean) : item.title;
    const named = title === undefined ? {} : { title };
    const error = (field: string, message: string) => results.push({ ...item.key, ...named, outcome: 'error', field, message });
    if (!item.ok) {
      error(item.field, item.message);
      continue;
    }
    const { fields } = item;
    const target = wanted(fields) ?? (fields.uid ? byUid.get(fields.uid) : undefined) ?? null;
    const current = target === null ? null : (stored.get(target) ?? null);
    if (fields.id !== undefined && !current) {
      error('id', `no event with id "${fields.id}"`);
      continue;
    }
    const identity = current?.id ?? fields.uid ?? `row:${index}`;
    if (seen.has(identity)) {
      error(fields.uid !== undefined ? 'UID' : 'id', 'the file holds this event twice');
      continue;
    }
    seen.add(identity);
    if (current && fields.revision !== undefined && fields.revision !== current.revision) {
      error('revision', `the event changed since this row was exported (revision ${fields.revision} then, ${current.revision} now)`);
      continue;
    }
    const checked = eventInputSchema.safeParse(mergedInput(fields, current, request, lossy));
    if (!checked.success) {
      const issue = checked.error.issues[0];
      error(topField((issue?.path ?? []).map(String).join('.')), issue?.message ?? 'invalid');
      continue;
    }
    const eventId = current?.id ?? newIdOf(ctx);
    const base = current ?? { id: eventId, revision: 1, created: at, status: 'confirmed' as const, cancelledAt: null };
    const resolved = await recordFromInput(reference, checked.data, current ? { ...current, revision: current.revision + 1 } : base, at);
    if (!resolved.ok) {
      error(topField(resolved.error.field), resolved.error.message);
      continue;
    }
    const record = resolved.value.record;
    if (resolved.value.addedSources.length > 0) {
      error('sources', 'an import cites sources of the catalogue by id; add new ones in the editor');
      continue;
    }
    // As with any write (write-event.ts), what a city editor may not write directly becomes a proposal.
    const propose = !mayEdit(account, record) || (current !== null && !mayEdit(account, current));
    const outcome: Outcome = current ? (sameEvent(current, record) ? 'unchanged' : 'update') : 'new';
    results.push({ ...item.key, ...named, outcome, id: eventId, ...(propose && outcome !== 'unchanged' && { proposal: true as const }) });
    if (outcome !== 'unchanged')
      plan.push({
        ...(propose && { propose: true as const }),
        index,
        eventId,
        baseRevision: current?.revision ?? null,
        uid: ourId(fields.uid, uidDomain) ? null : (fields.uid ?? null),
        input: checked.data,
      });
  }
  const dryRun: DryRun = {
    id: newIdOf(ctx),
    expires: new Date(ctx.deps.clock() + IMPORT_HOURS * 3_600_000).toISOString(),
    items: results,
  };
  await ctx.deps.store.batch([
    expiredImportsStatement(db, at),
    insertImportStatement(db, { id: dryRun.id, account: account.id, created: at, expires: dryRun.expires, items: results, plan }),
  ]);
  return ok(dryRun);
}

/** The stored dry run `id` of this account (or any, for the secretariat). */
export async function findImport(ctx: WriteContext, account: Account, id: string) {
  const found = await getImport(ctx.deps.store.db, id);
  if (!found || (found.account !== account.id && account.role !== 'secretariat')) return null;
  return found;
}

/**
 * Commits a dry run: its new and updated items, in one atomic batch, if none of the events it touches changed
 * since (409 import_stale otherwise) and it has not expired (410 gone). A dry run committed already answers
 * what it applied, so a retried request changes nothing.
 */
export async function commitImport(
  ctx: WriteContext,
  account: Account,
  id: string,
): Promise<Result<{ id: string; items: readonly ImportItemResult[] }, ImportError>> {
  const found = await findImport(ctx, account, id);
  if (!found) return fail({ code: 'not_found', field: 'id', message: `no import with id "${id}"` });
  const items = found.items as ImportItemResult[];
  // Committed already: what it applied (a retried request changes nothing).
  if (found.committed) return ok({ id, items });
  const now = ctx.deps.clock();
  if (Date.parse(found.expires) <= now)
    return fail({ code: 'gone', field: 'id', message: `the dry run expired at ${found.expires}; run it again` });
  const plan = found.plan as PlanEntry[];
  const { db } = ctx.deps.store;
  const stale = (message: string) => fail({ code: 'import_stale' as const, field: 'id' as const, message });
  const current = new Map(
    (
      await getEvents(
        db,
        plan.map((entry) => entry.eventId),
      )
    ).map((e) => [e.id, e]),
  );
  const reference = await referenceData(ctx.deps, ctx.cache);
  const at = new Date(now).toISOString();
  const events: ImportedEvent[] = [];
  const proposals: StoredProposal[] = [];
  const applied = [...items];
  for (const entry of plan) {
    const before = current.get(entry.eventId) ?? null;
    if ((before?.revision ?? null) !== entry.baseRevision)
      return stale(`event "${entry.eventId}" changed since the dry run; run the import again`);
    const base = before
      ? { ...before, revision: before.revision + 1 }
      : { id: entry.eventId, revision: 1, created: at, status: 'confirmed' as const, cancelledAt: null };
    const resolved = await recordFromInput(reference, entry.input, base, at);
    if (!resolved.ok) return stale(`an item no longer fits the data (${resolved.error.message}); run the import again`);
    if (entry.propose) {
      const proposal = openProposal({
        id: newIdOf(ctx),
        action: before ? 'change' : 'create',
        eventId: before?.id ?? null,
        baseRevision: before?.revision ?? null,
        input: entry.input,
        reason: null,
        proposerId: account.id,
        proposer: account.label,
        created: at,
      });
      proposals.push(proposal);
      const item = applied[entry.index];
      if (item) applied[entry.index] = { ...item, proposal: proposal.id, ...(before === null && { id: proposal.id }) };
    } else events.push({ before, after: resolved.value.record, uid: entry.uid });
  }
  try {
    await ctx.deps.store.batch([
      ...importEventsStatements(db, events, account.label),
      ...(proposals.length === 0 ? [] : [insertProposalsStatement(db, proposals)]),
      commitImportStatement(db, id, at, applied),
      ...(events.length > 0 ? [bumpDataVersion(db, at)] : []),
    ]);
  } catch (error) {
    if (isLostRace(error)) return stale('another write changed an event of this import meanwhile; run it again');
    throw error;
  }
  return ok({ id, items: applied });
}
