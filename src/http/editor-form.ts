/**
 * @module editor-form
 * The editor's event form as named fields (what a browser posts, `application/x-www-form-urlencoded`) and the
 * way to and from the one event input (writing/event-input.ts): every form is checked by the same schema as
 * the API's bodies. Start and end are a date and a time, a month or a year, after the precision chosen.
 */
import type { EventRecord, Lang, Precision } from '../core/model.js';
import { PRECISIONS } from '../core/model.js';
import type { ReferenceData } from '../documents/reference-data.js';

/** A form's values by field name; `sources` holds the catalogue ids chosen. */
export interface FormValues {
  readonly [field: string]: string | readonly string[] | undefined;
  readonly sources?: readonly string[];
}

const one = (values: FormValues, name: string): string => {
  const value = values[name];
  return (typeof value === 'string' ? value : (value?.[0] ?? '')).trim();
};

/** The text of a form field. */
export const fieldText = one;

/** The precision a form names, minute by default. */
function formPrecision(values: FormValues): Precision {
  const asked = one(values, 'precision');
  return (PRECISIONS as readonly string[]).includes(asked) ? (asked as Precision) : 'minute';
}

/** The literal of one end (`start` or `end`) at the form's precision, or null when left empty. */
function literalOf(values: FormValues, side: 'start' | 'end', precision: Precision): string | null {
  const date = one(values, `${side}_date`);
  switch (precision) {
    case 'minute': {
      const time = one(values, `${side}_time`);
      if (date === '') return null;
      return time === '' ? date : `${date}T${time.slice(0, 5)}`;
    }
    case 'day':
      return date || null;
    case 'month':
      return one(values, `${side}_month`) || null;
    case 'year':
      return one(values, `${side}_year`) || null;
  }
}

const names = (text: string) =>
  text
    .split(/[,，、;\n]/)
    .map((name) => name.trim())
    .filter(Boolean);

/** A localized text of the form (`title_de` …), without the languages left empty. */
function localized(values: FormValues, field: string): Record<string, string> {
  return Object.fromEntries(
    (['de', 'en', 'zh'] as const).flatMap((lang) => {
      const text = one(values, `${field}_${lang}`);
      return text === '' ? [] : [[lang, text]];
    }),
  );
}

/**
 * The event input a form describes, for the event schema to check; `before` keeps the notes of the citations
 * the form still chooses.
 */
export function inputFromForm(values: FormValues, before: EventRecord | null): Record<string, unknown> {
  const precision = formPrecision(values);
  const audience = one(values, 'audience');
  const fold = one(values, 'fold');
  const endFold = one(values, 'endFold');
  const notes = new Map((before?.sources ?? []).map((c) => [c.ref, c.note]));
  const sourceUrl = one(values, 'source_url');
  const description = localized(values, 'description');
  return {
    kind: one(values, 'kind'),
    title: localized(values, 'title'),
    ...(Object.keys(description).length > 0 && { description }),
    cities: names(one(values, 'cities')),
    participants: names(one(values, 'participants')),
    audience: audience === '' ? null : audience,
    related: one(values, 'related') === 'on',
    status: one(values, 'status') === 'tentative' ? 'tentative' : 'confirmed',
    start: literalOf(values, 'start', precision),
    end: literalOf(values, 'end', precision),
    ...(one(values, 'timeZone') !== '' && { timeZone: one(values, 'timeZone') }),
    ...((fold === '0' || fold === '1') && { fold: Number(fold) }),
    ...((endFold === '0' || endFold === '1') && { endFold: Number(endFold) }),
    location: one(values, 'location') || null,
    url: one(values, 'url') || null,
    sources: [
      ...(values.sources ?? []).map((ref) => {
        const note = notes.get(ref);
        return note ? { ref, note } : { ref };
      }),
      ...(sourceUrl === '' ? [] : [{ url: sourceUrl, title: one(values, 'source_title') || sourceUrl }]),
    ],
  };
}

/** The values of a form showing a stored event (city names in the editor's language). */
export function formOf(event: EventRecord, reference: ReferenceData, lang: Lang): FormValues {
  const cityName = (slug: string) => reference.cities.find((c) => c.slug === slug)?.name[lang] ?? slug;
  const [startDate = '', startTime = ''] = event.start?.value.split('T') ?? [];
  const [endDate = '', endTime = ''] = event.end?.value.split('T') ?? [];
  const values: Record<string, string | string[]> = {
    kind: event.kind,
    cities: event.cities.map(cityName).join(', '),
    participants: event.participants.map(cityName).join(', '),
    audience: event.audience ?? '',
    related: event.related ? 'on' : '',
    status: event.status === 'tentative' ? 'tentative' : 'confirmed',
    precision: event.precision,
    start_date: startDate,
    start_time: startTime,
    start_month: event.precision === 'month' ? (event.start?.value ?? '') : '',
    start_year: event.precision === 'year' ? (event.start?.value ?? '') : '',
    end_date: endDate,
    end_time: endTime,
    end_month: event.precision === 'month' ? (event.end?.value ?? '') : '',
    end_year: event.precision === 'year' ? (event.end?.value ?? '') : '',
    timeZone: event.timeZone,
    location: event.location ?? '',
    url: event.url ?? '',
    sources: event.sources.map((c) => c.ref),
    revision: String(event.revision),
  };
  if ((event.start?.fold ?? 0) === 1) values.fold = '1';
  if ((event.end?.fold ?? 0) === 1) values.endFold = '1';
  for (const lang of ['de', 'en', 'zh'] as const) {
    values[`title_${lang}`] = event.title[lang] ?? '';
    values[`description_${lang}`] = event.description[lang] ?? '';
  }
  return values;
}

/** The form field (or group of fields) a failure names: `title.zh` → `title`, `cities.1` → `cities`, `sources.0.ref` → `sources`. */
export function formFieldOf(path: string): string {
  const [head = ''] = path.split('.');
  return head === 'endFold' ? 'end' : head === 'fold' ? 'start' : head;
}
