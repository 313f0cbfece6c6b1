/**
 * `npm start`: runs the server compiled to dist/, compiling it first (tsc -p tsconfig.build.json) when a source
 * is newer than the last build, so that a start neither transpiles TypeScript nor runs stale code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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
const sources = ['src', 'seeds', 'package.json', 'tsconfig.base.json', 'tsconfig.node.json', 'tsconfig.build.json'];
if (sources.some((source) => newest(`${root}${source}`) > built)) {
  const tsc = spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.build.json`], {
    stdio: 'inherit',
  });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  writeFileSync(stamp, '');
}

const { main } = await import(`${root}dist/src/node.js`);
await main();
