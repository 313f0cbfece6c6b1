/** The editor in workerd (ADMIN_TOKEN from vitest.config.ts), sessions and accounts in this file's own D1 database. */
import { describeEditor } from '../http/editor-contract.js';
import { ORIGIN, workerFetch } from './worker-fetch.js';

describeEditor('workerd + D1', () => ({ fetch: workerFetch, origin: ORIGIN }));
