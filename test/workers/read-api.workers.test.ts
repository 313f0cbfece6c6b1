/**
 * The read API in workerd: the worker (src/worker.ts) in the same isolate as the tests, over this file's own
 * local D1 database (migrated and seeded by setup-d1.ts).
 */
import { describeReadApi } from '../http/api-contract.js';
import { workerFetch } from './worker-fetch.js';

describeReadApi('workerd + D1', () => workerFetch);
