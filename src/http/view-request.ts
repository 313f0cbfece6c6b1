/**
 * @module view-request
 * The query of the month view, the agenda, search and the embeds: filters (one `kind` per checkbox of the
 * filter form, or comma-separated as everywhere else), the reader's zone, the agenda's day, the
 * search text — and the filter form's `city`, which answers with a redirect to that city's own address.
 */
import type { Context } from 'hono';
import { DateTime } from 'luxon';
import type { City, Selection } from '../core/model.js';
import { monthOf, parseMonth } from '../core/views/month-grid.js';
import type { AppEnv } from './env.js';
import { ApiError } from './errors.js';
import { parseSelection, parseZone, requireCity } from './query.js';
import { viewQuery } from './query-schemas.js';
import { parseInput } from './validate.js';

export interface ViewParams {
  readonly selection: Selection;
  readonly zone: string | undefined;
  readonly from: string | undefined;
  readonly q: string | undefined;
  /** The `city` the filter form sent: '' for all cities, undefined when the URL names none. */
  readonly city: string | undefined;
}

/** The view's parameters, or a 400 naming the field that is wrong. */
export function viewParams(c: Context<AppEnv>): ViewParams {
  const all = c.req.queries();
  const query: Record<string, string> = {};
  for (const [name, values] of Object.entries(all)) {
    const value = name === 'kind' ? values.filter(Boolean).join(',') : (values[0] ?? '');
    if (value !== '' || name === 'city') query[name] = value;
  }
  const q = parseInput(viewQuery, query, 'query');
  if (q.from !== undefined && !(parseMonth(monthOf(q.from)) && DateTime.fromISO(q.from, { zone: 'UTC' }).isValid))
    throw new ApiError('invalid_input', `from "${q.from}" is not a day of the calendar (1900–2100)`, 'query.from');
  return {
    selection: parseSelection(q),
    zone: parseZone(q.tz, 'query.tz'),
    from: q.from,
    q: q.q,
    city: q.city,
  };
}

/**
 * A redirect to the view of the city the filter form chose (or of all cities), keeping the rest of the query;
 * null when the form chose the city the address already names.
 */
export async function cityRedirect(
  c: Context<AppEnv>,
  params: ViewParams,
  current: City | undefined,
  pathOf: (city: City | undefined) => string,
): Promise<Response | null> {
  if (params.city === undefined) return null;
  const chosen = params.city === '' ? undefined : await requireCity(c.get('deps'), c.get('cache'), params.city, 'query.city');
  if (chosen?.slug === current?.slug) return null;
  const rest = new URL(c.req.url).searchParams;
  rest.delete('city');
  const query = rest.toString();
  return c.redirect(`${pathOf(chosen)}${query ? `?${query}` : ''}`, 303);
}
