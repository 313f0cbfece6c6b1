/**
 * @module entry-point
 * Whether a module is the script Node was started with (`tsx src/node.ts`), so the Node entries can also be
 * imported by tests without starting anything.
 */

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** True when `moduleUrl` (import.meta.url) is the file named on the command line. */
export function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && pathToFileURL(resolve(script)).href === moduleUrl;
}
