/** Calendars in workerd, over this file's own local D1 database. */
import { describeCalendars } from '../http/calendar-contract.js';
import { workerFetch } from './worker-fetch.js';

describeCalendars('workerd + D1', () => workerFetch);
