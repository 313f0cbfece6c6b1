/**
 * @module boundary
 * The `from`/`to` bounds of a listing: an RFC 3339 instant, or a bare date meaning that whole day in a zone.
 */
import { DateTime } from 'luxon';
import { zoneFor } from './intl-offset-zone.js';

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The inclusive bound (ms) a value denotes: an instant as given, or the first (`from`) or last (`to`)
 * millisecond of a bare date in `zone`. `null` when the value is neither form or not a real date.
 */
export function parseBoundary(value: string, zone: string, side: 'from' | 'to'): number | null {
  if (RFC3339.test(value)) {
    const dt = DateTime.fromISO(value.replace(' ', 'T'), { setZone: true });
    return dt.isValid ? dt.toMillis() : null;
  }
  if (DATE.test(value)) {
    const day = DateTime.fromISO(value, { zone: zoneFor(zone) });
    if (!day.isValid) return null;
    return (side === 'from' ? day.startOf('day') : day.endOf('day')).toMillis();
  }
  return null;
}
