/**
 * @module routes/editor-events
 * The editor's event pages: the form (new or stored; preview, save, cancel, reinstate), with the checks the
 * write makes shown at their fields, times that occur twice asked about, and another person's save in between
 * shown with this person's changes carried onto it; and each event's history with restore. Saving goes through
 * the one write path (writing/write-event.ts).
 */
import { Hono } from 'hono';
import { eventPlaces } from '../../core/events/event-json.js';
import { pickText } from '../../core/events/localize.js';
import { eventHolidays, holidayNotes } from '../../core/holidays/event-holidays.js';
import { words } from '../../core/i18n/catalogue.js';
import type { EventRecord, Lang } from '../../core/model.js';
import { describeEventTime } from '../../core/time/event-time-text.js';
import { gapEdges, possibleInstants } from '../../core/time/wall-time.js';
import { resolveZone } from '../../core/time/zones.js';
import { cityNamed, referenceData } from '../../documents/reference-data.js';
import { listEventChanges } from '../../storage/history-repository.js';
import { mayEdit } from '../../writing/accounts.js';
import { type EventInput, eventInputSchema, inputOf, recordFromInput } from '../../writing/event-input.js';
import {
  cancelEvent,
  changeEvent,
  createEvent,
  findEvent,
  type Proposed,
  purgeEvent,
  type WriteError,
  type Written,
} from '../../writing/write-event.js';
import { type FormValues, fieldText, formFieldOf, formOf, inputFromForm } from '../editor-form.js';
import { type EditorContext, editorLang, page, type Signed, signedForm, signedIn } from '../editor-session.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { checkInput } from '../validate.js';
import { eventFormBody, type FormState, fieldLabel, type HistoryEntry, historyBody } from '../views/editor.js';
import { writeContextOf } from '../write-context.js';

/** The readings of a time that occurs twice, described on both sides, earlier first; null otherwise. */
function foldReadings(record: EventRecord, side: 'start' | 'end', lang: Lang): [string, string] | null {
  const time = record[side];
  if (!time || possibleInstants(time.value, record.timeZone).length < 2) return null;
  const reading = (fold: 0 | 1) => describeEventTime({ ...record, start: { ...time, fold }, end: null }, lang);
  return [reading(0), reading(1)];
}

interface Checked {
  readonly input: EventInput | null;
  readonly record: EventRecord | null;
  readonly errors: Map<string, string>;
  readonly folds: FormState['folds'];
}

/** Checks a form as the write would, and says what a subscriber would see: failures by field, times that occur twice. */
async function checkForm(c: EditorContext, values: FormValues, before: EventRecord | null, lang: Lang): Promise<Checked> {
  const errors = new Map<string, string>();
  const checked = checkInput(eventInputSchema, inputFromForm(values, before));
  if (!checked.ok) {
    errors.set(formFieldOf(checked.error.field), checked.error.message);
    return { input: null, record: null, errors, folds: {} };
  }
  const reference = await referenceData(c.get('deps'), c.get('cache'));
  const base = before ?? { id: 'preview', revision: 1, created: '', status: 'confirmed' as const, cancelledAt: null };
  const resolved = await recordFromInput(reference, checked.value, base, '');
  if (!resolved.ok) {
    const { error } = resolved;
    const field = formFieldOf(error.field);
    // The zone the write takes: the one given, else the first city's.
    const zone = resolveZone(checked.value.timeZone ?? '') ?? cityNamed(reference, checked.value.cities[0] ?? '')?.timeZone ?? 'UTC';
    const literal = field === 'start' || field === 'end' ? checked.value[field] : null;
    const edges = error.code === 'nonexistent_time' && typeof literal === 'string' ? gapEdges(literal, zone) : null;
    const show = (l: string) => l.replace('T', ' ');
    errors.set(field, edges ? words(lang).editor.gap(zone, show(edges.before), show(edges.after)) : error.message);
    return { input: null, record: null, errors, folds: {} };
  }
  const { record } = resolved.value;
  const folds: { start?: [string, string]; end?: [string, string] } = {};
  for (const side of ['start', 'end'] as const) {
    const readings = foldReadings(record, side, lang);
    // A time that occurs twice is asked about until the form says which one.
    if (readings) {
      folds[side] = readings;
      if (fieldText(values, side === 'start' ? 'fold' : 'endFold') === '') errors.set(side, words(lang).editor.fold(record.timeZone));
    }
  }
  return { input: checked.value, record, errors, folds };
}

/** The holidays an event would fall on, as the editor warns of them, and their signature; null where none. */
async function holidaysOf(c: EditorContext, record: EventRecord, lang: Lang): Promise<{ notes: string[]; signature: string } | null> {
  const reference = await referenceData(c.get('deps'), c.get('cache'));
  const places = eventPlaces(record, reference.citiesBySlug);
  const found = eventHolidays(record, places);
  const { holidays } = found;
  if (holidays.length === 0) return null;
  return {
    notes: holidayNotes(record, places, lang, found),
    signature: holidays.map((d) => `${d.date}:${d.subdivision ?? d.country}:${d.key}:${d.kind}`).join(' '),
  };
}

/** When a revision was saved, to the minute, in UTC. */
const savedAt = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** The labels of the fields (as written) that differ between two versions of an event. */
function changedFields(before: EventRecord, after: EventRecord, lang: Lang): string[] {
  const was = inputOf(before);
  const now = inputOf(after);
  return Object.keys(now)
    .filter((key) => JSON.stringify(was[key]) !== JSON.stringify(now[key]))
    .map((key) => fieldLabel(lang, key));
}

/**
 * Another person's saves after `revision` (the one a form was opened at): who saved last and when, the fields
 * they changed, and the form with this person's own changes carried onto the current version (a field this
 * person left as it was takes the current value).
 */
async function conflictSince(c: EditorContext, current: EventRecord, revision: number, posted: FormValues, lang: Lang) {
  const changes = await listEventChanges(c.get('deps').store.db, current.id, revision - 1);
  const last = changes.at(-1);
  if (!last || last.revision <= revision) return null;
  // The version the form was opened at: recorded at that revision, or as the state before the next change (an
  // event as the seeds first loaded it has no row of its own); without either, the form stays as posted.
  const first = changes[0];
  const opened = first?.revision === revision ? first.after : first?.revision === revision + 1 ? first.before : null;
  const reference = await referenceData(c.get('deps'), c.get('cache'));
  const was = opened ? formOf(opened, reference, lang) : posted;
  const now = formOf(current, reference, lang);
  const same = (a: FormValues[string], b: FormValues[string]) => JSON.stringify(a ?? '') === JSON.stringify(b ?? '');
  const merged: Record<string, string | readonly string[] | undefined> = opened ? { ...now } : { ...posted };
  for (const name of new Set([...Object.keys(was), ...Object.keys(posted)])) {
    if (name === 'revision' || name === 'form_token' || name === 'action') continue;
    if (!same(posted[name], was[name])) merged[name] = posted[name];
  }
  return {
    conflict: { actor: last.actor, at: savedAt(last.at), fields: changedFields(opened ?? first?.before ?? current, current, lang) },
    values: { ...merged, revision: String(current.revision) },
  };
}

/** Where a write that became a proposal leads: the proposal, saying it was made. */
const proposalPage = (c: EditorContext, proposed: Proposed, lang: Lang) =>
  c.redirect(`/editor/proposals/${proposed.proposal.id}?lang=${lang}&proposed=1`, 303);

const isProposed = (value: Written | Proposed): value is Proposed => 'proposal' in value;

/** A write's failure as form errors (or the conflict), for the form shown again. */
function writeErrors(error: WriteError): Map<string, string> {
  if (error.code === 'precondition_failed' || error.code === 'forbidden') return new Map([['form', error.message]]);
  return new Map([[formFieldOf(error.field), error.message]]);
}

const EMPTY_FORM: FormValues = { kind: 'conference', precision: 'minute', status: 'confirmed', audience: '', sources: [] };

/** Shows the event form (new or stored) with its state. */
async function showForm(
  c: EditorContext,
  signed: Signed,
  lang: Lang,
  event: EventRecord | null,
  values: FormValues,
  extra: Partial<FormState> = {},
  status = 200,
) {
  const reference = await referenceData(c.get('deps'), c.get('cache'));
  const w = words(lang).editor;
  const state: FormState = {
    lang,
    values,
    errors: new Map(),
    preview: null,
    folds: {},
    conflict: null,
    saved: false,
    event,
    cities: reference.cities,
    sources: reference.sources,
    formToken: signed.formToken,
    proposing: event !== null && !mayEdit(signed.account, event),
    mayPurge: signed.account.role === 'secretariat',
    ...extra,
  };
  return page(c, lang, event ? w.editEvent : w.newEvent, eventFormBody(state), signed, status);
}

/** Handles a posted event form: preview, save, cancel or reinstate. */
async function postForm(c: EditorContext, id: string | null) {
  const { signed, values } = await signedForm(c);
  const lang = editorLang(c, signed.account);
  const ctx = writeContextOf(c);
  let current: EventRecord | null = null;
  if (id !== null) {
    const found = await findEvent(ctx, id);
    if (!found.ok) throw new ApiError('not_found', found.error.message, 'id');
    current = found.value;
  }
  const action = fieldText(values, 'action');
  if (current && (action === 'cancel' || action === 'reinstate')) {
    const reinstated = checkInput(eventInputSchema, { ...inputOf(current), status: 'confirmed' });
    const result =
      action === 'cancel'
        ? await cancelEvent(ctx, current, signed.account, fieldText(values, 'cancel_reason'))
        : reinstated.ok
          ? await changeEvent(ctx, current, reinstated.value, signed.account)
          : reinstated;
    const reference = await referenceData(c.get('deps'), c.get('cache'));
    if (!result.ok) return showForm(c, signed, lang, current, formOf(current, reference, lang), { errors: writeErrors(result.error) }, 400);
    if (isProposed(result.value)) return proposalPage(c, result.value, lang);
    return showForm(c, signed, lang, result.value.event, formOf(result.value.event, reference, lang), { saved: true });
  }
  const opened = Number(fieldText(values, 'revision'));
  // Someone else saved since this form was opened: show what they changed, with this person's changes on top.
  const since = current && opened !== current.revision ? await conflictSince(c, current, opened, values, lang) : null;
  if (since) return showForm(c, signed, lang, current, since.values, { conflict: since.conflict }, 409);
  const checked = await checkForm(c, values, current, lang);
  const preview = checked.record ? describeEventTime(checked.record, lang) : null;
  const withRevision = current ? { ...values, revision: String(current.revision) } : values;
  const holidays = checked.record ? await holidaysOf(c, checked.record, lang) : null;
  // A save on public holidays or shifted working days is held back until the form confirms these very days.
  if (
    action === 'save' &&
    checked.input &&
    checked.errors.size === 0 &&
    holidays &&
    fieldText(values, 'holidays_ok') !== holidays.signature
  )
    return showForm(c, signed, lang, current, withRevision, { preview, folds: checked.folds, holidays: { ...holidays, blocked: true } });
  if (action !== 'save' || !checked.input || checked.errors.size > 0)
    return showForm(
      c,
      signed,
      lang,
      current,
      withRevision,
      { errors: checked.errors, preview, folds: checked.folds, holidays: holidays && { ...holidays, blocked: false } },
      checked.errors.size > 0 ? 400 : 200,
    );
  const result = current
    ? await changeEvent(ctx, current, checked.input, signed.account)
    : await createEvent(ctx, checked.input, signed.account);
  if (!result.ok)
    return showForm(
      c,
      signed,
      lang,
      current,
      withRevision,
      { errors: writeErrors(result.error), preview, folds: checked.folds },
      result.error.code === 'forbidden' ? 403 : 400,
    );
  if (isProposed(result.value)) return proposalPage(c, result.value, lang);
  const saved = result.value.event;
  if (!current) return c.redirect(`/editor/events/${saved.id}?lang=${lang}&saved=1`, 303);
  return showForm(c, signed, lang, saved, formOf(saved, await referenceData(c.get('deps'), c.get('cache')), lang), {
    saved: true,
    preview,
  });
}

/** The history page of an event. */
async function showHistory(c: EditorContext, signed: Signed, id: string, restored: number | null) {
  const lang = editorLang(c, signed.account);
  const found = await findEvent(writeContextOf(c), id);
  if (!found.ok) throw new ApiError('not_found', found.error.message, 'id');
  const changes = await listEventChanges(c.get('deps').store.db, id);
  const entries: HistoryEntry[] = changes.map((change) => ({
    revision: change.revision,
    action: change.action,
    actor: change.actor,
    at: savedAt(change.at),
    fields: change.before ? changedFields(change.before, change.after, lang) : [],
    time: describeEventTime(change.after, lang),
    timeBefore: change.before ? describeEventTime(change.before, lang) : null,
    current: change.revision === found.value.revision,
  }));
  const title = `${words(lang).editor.history}: ${pickText(found.value.title, lang)?.text ?? id}`;
  const body = historyBody(lang, found.value, entries.reverse(), signed.formToken, restored);
  return page(c, lang, title, body, signed);
}

export const editorEventsRoutes = new Hono<AppEnv>()
  .get('/editor/events/new', async (c) => {
    const signed = await signedIn(c);
    if (!signed) return c.redirect(`/editor?lang=${editorLang(c)}`, 303);
    return showForm(c, signed, editorLang(c, signed.account), null, EMPTY_FORM);
  })
  .post('/editor/events/new', (c) => postForm(c, null))
  .get('/editor/events/:id', async (c) => {
    const signed = await signedIn(c);
    if (!signed) return c.redirect(`/editor?lang=${editorLang(c)}`, 303);
    const lang = editorLang(c, signed.account);
    const found = await findEvent(writeContextOf(c), c.req.param('id'));
    if (!found.ok) throw new ApiError('not_found', found.error.message, 'id');
    const values = formOf(found.value, await referenceData(c.get('deps'), c.get('cache')), lang);
    return showForm(c, signed, lang, found.value, values, {
      saved: c.req.query('saved') === '1',
      preview: describeEventTime(found.value, lang),
    });
  })
  .post('/editor/events/:id', (c) => postForm(c, c.req.param('id')))
  .get('/editor/events/:id/history', async (c) => {
    const signed = await signedIn(c);
    if (!signed) return c.redirect(`/editor?lang=${editorLang(c)}`, 303);
    return showHistory(c, signed, c.req.param('id'), null);
  })
  .post('/editor/events/:id/history', async (c) => {
    // Restores a revision as a new one, through the one write path.
    const { signed, values } = await signedForm(c);
    const ctx = writeContextOf(c);
    const found = await findEvent(ctx, c.req.param('id'));
    if (!found.ok) throw new ApiError('not_found', found.error.message, 'id');
    const wanted = Number(fieldText(values, 'revision'));
    const version = (await listEventChanges(c.get('deps').store.db, found.value.id)).find((change) => change.revision === wanted)?.after;
    if (!version) throw new ApiError('not_found', `the event has no revision ${wanted} in its history`, 'revision');
    const input = checkInput(eventInputSchema, { ...inputOf(version), status: version.status === 'tentative' ? 'tentative' : 'confirmed' });
    if (!input.ok) throw new ApiError('invalid_input', input.error.message, input.error.field);
    const result =
      version.status === 'cancelled'
        ? await cancelEvent(ctx, found.value, signed.account)
        : await changeEvent(ctx, found.value, input.value, signed.account);
    if (!result.ok) throw new ApiError(result.error.code === 'forbidden' ? 'forbidden' : 'invalid_input', result.error.message, 'revision');
    if (isProposed(result.value)) return proposalPage(c, result.value, editorLang(c, signed.account));
    return showHistory(c, signed, found.value.id, wanted);
  })
  .post('/editor/events/:id/purge', async (c) => {
    const { signed, values } = await signedForm(c);
    const lang = editorLang(c, signed.account);
    const ctx = writeContextOf(c);
    const found = await findEvent(ctx, c.req.param('id'));
    if (!found.ok) throw new ApiError(found.error.code, found.error.message, 'id');
    if (fieldText(values, 'confirm') !== 'on') {
      const reference = await referenceData(c.get('deps'), c.get('cache'));
      const errors = new Map([['purge', words(lang).editor.purgeConfirm]]);
      return showForm(c, signed, lang, found.value, formOf(found.value, reference, lang), { errors }, 400);
    }
    const result = await purgeEvent(ctx, found.value, signed.account);
    if (!result.ok) throw new ApiError(result.error.code === 'forbidden' ? 'forbidden' : 'precondition_failed', result.error.message, 'id');
    return c.redirect(`/editor?lang=${lang}&purged=1`, 303);
  });
