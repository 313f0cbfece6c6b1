/** Imports in workerd (ADMIN_TOKEN from vitest.config.ts), over this file's own local D1 database. */
import { describeImports } from '../http/import-contract.js';
import { workerFetch } from './worker-fetch.js';

describeImports('workerd + D1', () => workerFetch);
