/**
 * Debian's Chromium (/usr/bin/chromium) for the browser tests, launched by playwright-core with the flags this
 * closed network needs. Without it a suite is skipped with a warning, except in CI (CI=true), where it fails:
 * .ci/run installs Chromium with apt. A suite runs against the real Node server (browserSuite).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type ConsoleMessage, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type NodeServer, startNodeServer } from '../../src/node.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Where screenshots go (the README's come from here). */
export const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

const haveChromium = existsSync(CHROMIUM);

/** Why a suite is skipped (Chromium missing outside CI), or null; warns once per suite. */
export function skipWithoutChromium(suite: string): string | null {
  const reason =
    !haveChromium && process.env.CI !== 'true' ? `${CHROMIUM} is missing (apt-get install chromium): ${suite} is skipped` : null;
  if (reason) console.warn(`SKIPPED ${suite}: ${reason}`);
  return reason;
}

/** Launches Chromium (a fresh temporary profile of its own); fails in CI when it is missing. */
export function launchChromium(): Promise<Browser> {
  if (!haveChromium) throw new Error(`CI=true but ${CHROMIUM} is missing: .ci/run must install Chromium (apt-get install chromium)`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * Records what a page should never do: console errors (but those `allowed` passes), uncaught exceptions, and
 * requests to anything but `origin` or a data: URL. The lists fill while the page lives.
 */
export function watchPage(page: Page, origin: string, allowed: (message: ConsoleMessage) => boolean = () => false) {
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !allowed(message))
      errors.push(`console error: ${message.text()} (at ${message.location().url}:${message.location().lineNumber})`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) outside.push(url);
  });
  return { errors, outside };
}

export interface BrowserSuite {
  /** The server's origin (after beforeAll). */
  readonly origin: string;
  /** Chromium (after beforeAll). */
  readonly browser: Browser;
}

/**
 * Registers, for the enclosing describe block, the real Node server on a free port over a fresh SQLite file
 * (the seeds, `adminToken` as ADMIN_TOKEN) and a Chromium; both stopped and the file removed after it.
 */
export function browserSuite(adminToken: string): BrowserSuite {
  let dir = '';
  let server: NodeServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'isa-browser-'));
    server = await startNodeServer({ PORT: '0', DATABASE_PATH: join(dir, 'isa-calendar.sqlite'), ADMIN_TOKEN: adminToken });
    // launch() gives each browser a fresh, temporary user-data dir of its own, removed on close.
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get origin() {
      if (!server) throw new Error('the server did not start');
      return new URL(server.url).origin;
    },
    get browser() {
      if (!browser) throw new Error('Chromium did not start');
      return browser;
    },
  };
}
