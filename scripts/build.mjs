/**
 * `npm run build` (run by `npm install` through `prepare`, and by `npm start` when a source is newer): the Node
 * entry bundled into one JavaScript file, dist/server.mjs. One file, because resolving and loading the few
 * hundred modules of the sources and their packages took about three quarters of a second on every start
 * (bench/start-up.ts). better-sqlite3 stays outside: it loads its native addon from its own folder.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Bundles src/node.ts to dist/server.mjs and marks the build's time in dist/.built. */
export async function buildServer() {
  await build({
    entryPoints: [`${root}src/node.ts`],
    outfile: `${root}dist/server.mjs`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    external: ['better-sqlite3'],
    // Packages written as CommonJS call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  writeFileSync(`${root}dist/.built`, '');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
