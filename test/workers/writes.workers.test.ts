/** Writes in workerd (ADMIN_TOKEN from vitest.config.ts), over this file's own local D1 database. */
import { describeWrites } from '../http/write-contract.js';
import { workerFetch } from './worker-fetch.js';

describeWrites('workerd + D1', () => workerFetch);
