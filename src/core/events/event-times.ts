/**
 * @module event-times
 * Turns the time fields of an input (start/end literals, zone name or alias, folds) into the stored truth:
 * a canonical zone, one precision and two wall times — or the error naming the field at fault.
 */
import type { Precision, WallTime } from '../model.js';
import { fail, ok, type Result } from '../result.js';
import { checkWallTime, eventSpan } from '../time/wall-time.js';
import { resolveZone } from '../time/zones.js';

export interface TimeInput {
  readonly start: string | null;
  readonly end?: string | null | undefined;
  readonly timeZone?: string | undefined;
  readonly fold?: 0 | 1 | undefined;
  readonly endFold?: 0 | 1 | undefined;
}

export interface EventTimes {
  readonly timeZone: string;
  readonly precision: Precision;
  readonly start: WallTime | null;
  readonly end: WallTime | null;
  /** Inclusive UTC span (ms) for ordering and filtering. */
  readonly span: { readonly start: number; readonly end: number };
}

/** Validates and resolves event times; `defaultZone` is the first venue city's zone. */
export function resolveEventTimes(input: TimeInput, defaultZone: string): Result<EventTimes> {
  const timeZone = input.timeZone === undefined ? defaultZone : resolveZone(input.timeZone);
  if (!timeZone) {
    return fail({
      code: 'unknown_zone',
      field: 'timeZone',
      message: `"${input.timeZone}" is neither an IANA time zone nor a known alias (CET, MESZ, CST, Beijing Time …)`,
    });
  }
  const end = input.end ?? null;
  if (input.start === null && end === null)
    return fail({ code: 'invalid_time', field: 'start', message: 'an event needs a start or, where the start is unknown, an end' });

  let precision: Precision | undefined;
  for (const [field, value] of [
    ['start', input.start],
    ['end', end],
  ] as const) {
    if (value === null) continue;
    const checked = checkWallTime(value, timeZone);
    if (!checked.ok) return fail({ ...checked.error, field });
    if (precision && checked.value !== precision) {
      return fail({
        code: 'invalid_time',
        field,
        message: `end has precision ${checked.value} but start has ${precision}; give both to the same precision`,
      });
    }
    precision = checked.value;
  }
  if (!precision) return fail({ code: 'invalid_time', field: 'start', message: 'no time given' });

  const start = input.start === null ? null : { value: input.start, fold: input.fold ?? 0 };
  const endTime = end === null ? null : { value: end, fold: input.endFold ?? 0 };
  const span = eventSpan(start, endTime, timeZone);
  if (span.end < span.start) {
    return fail({ code: 'invalid_time', field: 'end', message: `end ${end} is before start ${input.start}` });
  }
  return ok({ timeZone, precision, start, end: endTime, span });
}
