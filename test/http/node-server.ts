/**
 * One real Node server per suite: its own SQLite file in a temporary folder, seeded on start, the test clock,
 * started before the suite's tests and stopped after them. Suites never share data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type NodeServer, type NodeServerOptions, startNodeServer } from '../../src/node.js';
import { TEST_NOW } from '../fixtures/clock.js';
import type { Fetch } from './api-contract.js';

export interface SuiteServer {
  /** The running server (after beforeAll). */
  readonly server: () => NodeServer;
  /** fetch() against it, by path. */
  readonly fetch: Fetch;
  /** Stops the server and starts another on the same file (same settings). */
  readonly restart: () => Promise<void>;
}

/** Registers a server for the enclosing describe block. */
export function serveForSuite(env: NodeJS.ProcessEnv = {}, options: NodeServerOptions = {}): SuiteServer {
  let dir = '';
  let server: NodeServer | undefined;
  const settings = () => ({ PORT: '0', DATABASE_PATH: join(dir, 'isa.sqlite'), ...env });
  const start = () => startNodeServer(settings(), { clock: () => TEST_NOW, ...options });
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'isa-suite-'));
    server = await start();
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const running = () => {
    if (!server) throw new Error('the suite server is not running');
    return server;
  };
  return {
    server: running,
    fetch: (path, init) => fetch(`${running().url}${path}`, init),
    restart: async () => {
      await running().close();
      server = await start();
    },
  };
}
