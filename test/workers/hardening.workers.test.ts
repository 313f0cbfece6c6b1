/** The hardening regressions in workerd, over this file's own local D1 database. */
import { env } from 'cloudflare:workers';
import { describeHardening } from '../http/hardening-contract.js';
import { ORIGIN, workerFetch } from './worker-fetch.js';

describeHardening('workerd + D1', () => ({
  fetch: workerFetch,
  sql: async (statement) => void (await env.DB.prepare(statement).run()),
  origin: ORIGIN,
}));
