/**
 * Debian's Chromium (/usr/bin/chromium) for the browser tests, launched by playwright-core with the flags this
 * closed network needs. Without it a suite is skipped with a warning, except in CI (CI=true), where it fails:
 * .ci/run installs Chromium with apt.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

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
