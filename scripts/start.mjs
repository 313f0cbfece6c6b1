/**
 * `npm start`: runs the server bundled in dist/server.mjs (scripts/build.mjs), building it first when a source is
 * newer than the last build, so that a start neither transpiles TypeScript nor runs stale code.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const stamp = `${root}dist/.built`;

/** The latest modification (ms) of a file, or of any file under a directory. */
function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(`${path}/${entry}`));
  return latest;
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const sources = ['src', 'seeds', 'package.json', 'scripts/build.mjs'];
if (sources.some((source) => newest(`${root}${source}`) > built)) await (await import('./build.mjs')).buildServer();

const { main } = await import(`${root}dist/server.mjs`);
await main();
