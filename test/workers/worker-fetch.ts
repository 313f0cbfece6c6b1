/**
 * Requests to the worker's default export through the loopback stubs of `cloudflare:workers`, with the
 * bindings of vitest.config.ts (D1, ADMIN_TOKEN, TEST_CLOCK).
 */
import { exports } from 'cloudflare:workers';
import type { Fetch } from '../http/api-contract.js';

export const ORIGIN = 'http://127.0.0.1:8787';

/** fetch() against the worker, by path. */
export const workerFetch: Fetch = (path, init) => exports.default.fetch(new Request(`${ORIGIN}${path}`, init));
