/**
 * The HTTP contract on workerd: the worker (src/worker.ts) in the same isolate as the tests, over a local D1
 * database migrated by apply-migrations.ts and seeded by the worker on its first request.
 */
import { exports } from 'cloudflare:workers';
import { describeReadApi } from '../http/api-contract.js';
import { describeCalendars } from '../http/calendar-contract.js';
import { describeFeeds } from '../http/feed-contract.js';
import { describeWrites } from '../http/write-contract.js';

const ORIGIN = 'http://127.0.0.1:8787';
const workerFetch = () => (path: string, init?: RequestInit) => exports.default.fetch(new Request(`${ORIGIN}${path}`, init));

describeReadApi('workerd + D1', workerFetch);
describeCalendars('workerd + D1', workerFetch);
describeFeeds('workerd + D1', workerFetch);
describeWrites('workerd + D1', workerFetch);
