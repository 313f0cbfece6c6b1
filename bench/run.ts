/**
 * `npm run bench`: runs every benchmark side by side with its floor or baseline and writes bench/RESULTS.md.
 * Every target is a ratio to something measured in the same run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { benchCapacity } from './capacity.js';
import { benchColdStart } from './cold-start.js';
import { benchFeeds } from './feeds.js';
import { benchImports } from './imports.js';
import { machineLine } from './machine.js';
import { benchMemory } from './memory.js';
import { benchPages } from './pages.js';
import { benchServeCpu } from './serve-cpu.js';
import { benchStartUp } from './start-up.js';
import { benchUpcomingByCity } from './upcoming-by-city.js';
import { benchWorkersFresh } from './workers-fresh.js';
import { benchWrites } from './writes.js';

const lines = [
  '# Benchmark results',
  '',
  `Machine: ${machineLine()}`,
  '',
  'Written by `npm run bench`; every figure comes from one run, the two sides of a comparison interleaved or measured back to back. "Baseline" is the code before the document pipeline (the commit named below, checked out in a temporary git worktree); a "floor" is the least any implementation must do for the same answer.',
  '',
];

const ms = (x: number) => `${x.toFixed(1)} ms`;
const us = (x: number) => `${x.toFixed(0)} µs`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const times = (x: number) => `${x.toFixed(2)}×`;
/** A target's verdict. */
const verdict = (met: boolean) => (met ? '**met**' : '**missed**');
const table = (head: string[], rows: string[][]) => [
  `| ${head.join(' | ')} |`,
  `|${head.map(() => '---').join('|')}|`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
];
/**
 * `BENCH_ONLY=benchImports,benchCapacity npm run bench` runs only those benchmarks and puts their sections into
 * the RESULTS.md there is (each marked with its own machine line and date); the others keep their figures.
 */
const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
const partial: string[][] = [];

/** Runs one benchmark, appends its section and prints it, so a long run shows progress. */
async function section<T>(run: () => T | Promise<T>, write: (result: T) => string[]) {
  if (only && !only.includes(run.name)) return;
  const started = performance.now();
  const result = await run();
  const written = write(result);
  const text = only ? [written[0] ?? '', '', `Measured on its own: ${machineLine()}.`, ...written.slice(1), ''] : [...written, ''];
  if (only) partial.push(text);
  lines.push(...text);
  console.log(text.join('\n'));
  console.error(`(${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

await section(benchColdStart, (r) => {
  const firstRatio = r.oursStored.first.cpuUs / r.floor.cpuUs;
  const pollRatio = r.oursStored.poll.during.p95 / r.oursStored.poll.idle.p95;
  const warmShare = r.oursStored.warmCpuMs / r.baseline.warmCpuMs;
  const row = (name: string, s: typeof r.oursStored) => [
    name,
    us(s.first.cpuUs),
    times(s.first.cpuUs / r.floor.cpuUs),
    `${ms(s.poll.idle.p95)} → ${ms(s.poll.during.p95)} (max ${ms(s.poll.during.max)}, ${s.poll.during.count} polls${s.poll.during.failures ? `, ${s.poll.during.failures} reset` : ''}${s.poll.coldAnswered ? '' : '; the cold answer broke off'})`,
    `${(s.warmCpuMs / 1000).toFixed(2)} s`,
  ];
  return [
    '## A start with 10,000 stored events (issue: render once per change)',
    '',
    `${r.events.toLocaleString('en')} generated bilingual events; each server started fresh in its own process on core 1 (the load generator on core 0) on a copy of the same database. "Stored": an earlier run served every document, so their bytes are in the database; "fragments only": the events were written with their VEVENT fragments (as the write API stores them) and no document was ever served. Floor: one prepared statement reading the same fragments and concatenating them (${kb(r.floor.bytes)}). Baseline: commit ${r.baselineCommit}. CPU is the server process's own. The poll is \`/cities/koeln/calendar.de.ics\` (kept) one after another while the first \`/calendar.en.ics\` is made (p95 idle → during). Warming: every calendar and feed of every city and of all events in three languages (${r.oursStored.warmDocuments} documents) once, with a browser's Accept-Encoding.`,
    '',
    ...table(
      ['', 'first `/calendar.de.ics` CPU', '÷ floor', 'poll of a kept document, idle → during', 'warming CPU'],
      [row('ours, documents stored', r.oursStored), row('ours, fragments only', r.oursFragments), row('baseline', r.baseline)],
    ),
    '',
    `Floor: ${us(r.floor.cpuUs)} CPU, ${ms(r.floor.ms)}. First calendar compressed (brotli, what browsers and most clients accept): stored ${us(r.oursCompressed.stored.cpuUs)}, fragments only ${us(r.oursCompressed.fragments.cpuUs)}.`,
    '',
    `- First calendar ≤ 3× the floor: ${times(firstRatio)} ${verdict(firstRatio <= 3)}.`,
    `- A poll during a cold render ≤ 3× its idle time (p95): ${times(pollRatio)} ${verdict(pollRatio <= 3)}.`,
    `- Warming < 10 % of the baseline's: ${(warmShare * 100).toFixed(1)} % ${verdict(warmShare < 0.1)} (fragments only: ${((r.oursFragments.warmCpuMs / r.baseline.warmCpuMs) * 100).toFixed(1)} %).`,
  ];
});

await section(benchWorkersFresh, (r) => {
  const ratio = r.calendar.identity.ms.p50 / r.oneEvent.ms.p50;
  return [
    '## A fresh Workers isolate (issue: render once per change)',
    '',
    `The Worker as \`wrangler deploy --dry-run\` bundles it, in workerd through Miniflare, over a local D1 with the seeds and ${r.events.toLocaleString('en')} events written with their fragments; an earlier isolate served the documents, so D1 holds their bytes. Each sample is a new workerd process (a new isolate: nothing in memory, an empty Cache API) and its very first request, ${r.rounds} rounds interleaved. CPU is workerd's own from /proc (10 ms ticks; it also runs D1's SQLite). test/workers/stored-documents.workers.test.ts asserts that such an isolate calls no renderer and answers a gzip request with the gzip body from D1 (Miniflare's dispatchFetch hands bodies back decoded, so sizes here are decoded).`,
    '',
    ...table(
      ['first request of a fresh isolate', 'wall p50', 'wall p95', 'workerd CPU p50', 'body (decoded)'],
      [
        [
          'whole calendar, identity',
          ms(r.calendar.identity.ms.p50),
          ms(r.calendar.identity.ms.p95),
          ms(r.calendar.identity.cpuMs.p50),
          kb(r.calendar.identity.bytes),
        ],
        [
          'whole calendar, gzip accepted',
          ms(r.calendar.gzip.ms.p50),
          ms(r.calendar.gzip.ms.p95),
          ms(r.calendar.gzip.cpuMs.p50),
          kb(r.calendar.gzip.bytes),
        ],
        ['one event (`/events/<id>.ics`)', ms(r.oneEvent.ms.p50), ms(r.oneEvent.ms.p95), ms(r.oneEvent.cpuMs.p50), kb(r.oneEvent.bytes)],
      ],
    ),
    '',
    `- 1k-event calendar within 3× the wall time of a one-event calendar: ${times(ratio)} ${verdict(ratio <= 3)}.`,
  ];
});

await section(benchServeCpu, (r) => {
  const row = (name: string, figures: typeof r.ok) => [
    name,
    us(figures.ours.cpuPerRequestUs),
    us(figures.hono.cpuPerRequestUs),
    us(figures.raw.cpuPerRequestUs),
    times(figures.ours.cpuPerRequestUs / figures.hono.cpuPerRequestUs),
    `${figures.ours.rps.toFixed(0)} / ${figures.hono.rps.toFixed(0)} / ${figures.raw.rps.toFixed(0)}`,
  ];
  const okRatio = r.ok.ours.cpuPerRequestUs / r.ok.hono.cpuPerRequestUs;
  const nmRatio = r.notModified.ours.cpuPerRequestUs / r.notModified.hono.cpuPerRequestUs;
  const smaller = r.bytes.baseline / r.bytes[r.encoding as 'br' | 'gzip'];
  return [
    '## Polls of a kept calendar: server CPU per request',
    '',
    `\`/calendar.de.ics\` with ${r.events.toLocaleString('en')} generated bilingual events, ${r.requests} requests per measurement at concurrency 8 over loopback, 5 rounds alternating, medians; requests accept \`${r.encoding}\`. Ours: \`npm start\`'s server. Floor: a minimal Hono app on @hono/node-server answering the same bytes and headers from memory (ETag precomputed); raw node:http doing the same beside it. Each server in its own process on core 1, the load generator on core 0.`,
    '',
    ...table(
      ['', 'ours CPU/req', 'minimal Hono', 'raw node:http', 'ours ÷ Hono', 'req/s ours / Hono / raw'],
      [row('200, whole body', r.ok), row('304 to If-None-Match', r.notModified)],
    ),
    '',
    `Bytes per 200: identity ${kb(r.bytes.identity)}, gzip ${kb(r.bytes.gzip)}, brotli ${kb(r.bytes.br)}; the baseline (commit ${r.baselineCommit}) sends ${kb(r.bytes.baseline)} to the same request.`,
    '',
    `- 304 ≤ 1.3× the minimal Hono app: ${times(nmRatio)} ${verdict(nmRatio <= 1.3)}.`,
    `- 200 ≤ 1.2× the minimal Hono app: ${times(okRatio)} ${verdict(okRatio <= 1.2)}.`,
    `- Compressed at least 10× smaller than the baseline's bytes: ${smaller.toFixed(1)}× (${r.encoding}; gzip ${(r.bytes.baseline / r.bytes.gzip).toFixed(1)}×) ${verdict(smaller >= 10)}.`,
  ];
});

await section(benchUpcomingByCity, (r) => {
  const ratio = r.ours.p50 / r.raw.p50;
  return [
    '## Next 50 in a city',
    '',
    `Next 50 events in Köln on a generated database of ${r.events.toLocaleString('en')} events (plus the seeds), ${r.rounds} rounds each, interleaved. Ours: \`listEvents\` through Kysely over the listing table, rows mapped to records with their cities. Floor: the simplest raw indexed query for the same question, one prepared better-sqlite3 statement over the same index, rows not mapped.`,
    '',
    ...table(
      ['', 'p50', 'p95'],
      [
        ['ours (repository + Kysely)', us(r.ours.p50 * 1000), us(r.ours.p95 * 1000)],
        ['raw prepared statement', us(r.raw.p50 * 1000), us(r.raw.p95 * 1000)],
      ],
    ),
    '',
    `- ≤ 1.5× the raw indexed query (p50): ${times(ratio)} ${verdict(ratio <= 1.5)}. Items returned: ${r.items}.`,
    '',
    'Query plan of the listing statement:',
    '',
    ...r.plan.map((d) => `    ${d}`),
  ];
});

await section(benchPages, (r) => {
  const base = r.pages[0]?.cpuMs ?? 1;
  const ratio = (cpu: number) => cpu / base;
  const compared = r.pages.slice(1);
  const worst = compared.filter((p) => !p.name.includes('every event')).reduce((a, p) => Math.max(a, ratio(p.cpuMs)), 0);
  return [
    '## Pages: building a month view, an agenda, an embed, a search against a city page',
    '',
    `${r.events.toLocaleString('en')} generated bilingual events (plus the seeds) over 700 days, in one process through the app; before each of ${r.rounds} rounds one event is rewritten, so every page is built again (search is built on every request). CPU of the process around each request (user + system), pages interleaved in rotating order, medians. Baseline: the city page of Köln (20 coming, 20 recent events).`,
    '',
    ...table(
      ['page', 'path', 'CPU per build', '÷ city page', 'bytes'],
      r.pages.map((p) => [p.name, `\`${p.path}\``, ms(p.cpuMs), times(ratio(p.cpuMs)), kb(p.bytes)]),
    ),
    '',
    `- Search, month and embed pages ≤ 2× the city page: worst ${times(worst)} ${verdict(worst <= 2)} (the search matching every event is shown beside, not counted: no reader's search matches all 50,000).`,
  ];
});

await section(benchCapacity, (r) => [
  '## Capacity: 50,000 events, 48 cities, 3 languages',
  '',
  `${r.events.toLocaleString('en')} generated events over ${r.cities} cities; the server warmed every calendar and feed of every city and of all events in three languages (${r.documents} documents, each with a browser's Accept-Encoding). In its own process on core 1, the load generator on core 0.`,
  '',
  ...table(
    ['', 'figure'],
    [
      ['resident memory after warming', mib(r.memory.rss)],
      ['bytes the document cache holds / its budget', `${mib(r.memory.cacheBytes)} / ${mib(r.memory.budget)}`],
      [
        `warm GET of each of ${r.warm.calendars} calendars ÷ the floor of its bytes (median; worst)`,
        `${times(r.warm.medianRatio)}; ${times(r.warm.worstRatio)} (${r.warm.worst})`,
      ],
      [
        'polls per second of one core, 200 (brotli), all documents round-robin',
        `${r.polls.ok.perCoreSecond.toFixed(0)} (${us(r.polls.ok.cpuPerRequestUs)} CPU each)`,
      ],
      [
        'polls per second of one core, 304',
        `${r.polls.notModified.perCoreSecond.toFixed(0)} (${us(r.polls.notModified.cpuPerRequestUs)} CPU each)`,
      ],
    ],
  ),
  '',
  `- Memory within the budget: ${verdict(r.memory.cacheBytes <= r.memory.budget)}.`,
  `- No document costs more than its concatenation on a warm path (worst ratio ≤ 1): ${verdict(r.warm.worstRatio <= 1)}.`,
]);

await section(benchStartUp, (r) => {
  const ratio = r.ours.p50 / r.raw.p50;
  return [
    '## `npm start` to the first answer',
    '',
    `\`node scripts/start.mjs\` (what \`npm start\` runs: the esbuild bundle in dist/server.mjs) on an existing database, from spawning the process to the first 200 of \`/healthz\` (polled every 2 ms), against a raw node:http server's start to its first answer; ${r.rounds} rounds interleaved.`,
    '',
    ...table(
      ['', 'p50', 'p95'],
      [
        ['ours, `/healthz`', ms(r.ours.p50), ms(r.ours.p95)],
        ['ours, the whole `/calendar.ics` (stored bytes)', ms(r.oursCalendar.p50), ms(r.oursCalendar.p95)],
        ['raw node:http', ms(r.raw.p50), ms(r.raw.p95)],
      ],
    ),
    '',
    `- Within 3× raw node:http: ${times(ratio)} ${verdict(ratio <= 3)}; within 0.5 s: ${verdict(r.ours.p50 <= 500)}.`,
  ];
});

await section(benchFeeds, (r) => [
  '## Building a feed',
  '',
  `${r.items.toLocaleString('en')} items, 30 rounds. Ours: the one feed model built from events (time texts in both zones, HTML content), then each format with its adapters. Beside it: \`feed\` 6.0.0 alone writing the same, already built model. Building the model alone: ${ms(r.build.p50)} (p50). Feeds are built once per change and then served as stored bytes, so this is a cost per change, not per poll.`,
  '',
  ...table(
    ['format', 'ours p50', 'ours p95', '`feed` alone p50', 'size'],
    (['rss', 'atom', 'json'] as const).map((f) => {
      const x = r.formats[f];
      return [f, ms(x.ours.p50), ms(x.ours.p95), ms(x.feedAlone.p50), kb(x.bytes)];
    }),
  ),
]);

await section(benchImports, (r) => [
  '## Imports and single writes (issue: the secretariat’s editor)',
  '',
  `A spreadsheet of ${r.events} new events (${r.rounds} timed rounds after a warm-up), and ${r.single.count} single writes, on the Node default (WAL, synchronous=FULL). The commit is one transaction of ${r.statements} set-based statements (\`json_each\`), reads of the events it touches included; raw better-sqlite3 inserts exactly the rows the commit wrote (events, city links, listings, history, UIDs) with prepared statements in one transaction. A single write goes through the write module (\`createEvent\`: validation, city resolution, the VEVENT in three languages, one atomic batch) against raw SQL writing the same rows, fragments included.`,
  '',
  ...table(
    ['', 'p50', 'p95', 'vs raw (p50)'],
    [
      [`dry run of ${r.events} rows`, ms(r.dryRun.p50), ms(r.dryRun.p95), ''],
      [`commit of ${r.events} events, whole`, ms(r.commit.p50), ms(r.commit.p95), times(r.commit.p50 / r.raw.p50)],
      [`its transaction (database time)`, ms(r.transaction.p50), ms(r.transaction.p95), times(r.transaction.p50 / r.raw.p50)],
      [`raw better-sqlite3, same rows`, ms(r.raw.p50), ms(r.raw.p95), ''],
      ['one write, write module', ms(r.single.module.p50), ms(r.single.module.p95), times(r.single.module.p50 / r.single.raw.p50)],
      ['one write, raw SQL', ms(r.single.raw.p50), ms(r.single.raw.p95), ''],
    ],
  ),
]);

await section(benchWrites, (r) => [
  '## Writes',
  '',
  `Single writer on the Node default (WAL, synchronous=FULL), ${r.writes.count} timed writes per side in ${r.writes.rounds} interleaved batches. Ours: \`POST /api/v1/events\` through the app (validation, token, one atomic batch with the event, its listing rows, its VEVENT fragments in three languages, a history row and the data version). Floor: raw better-sqlite3 writing the same rows without fragments per transaction.`,
  '',
  ...table(
    ['', 'writes/s', 'p50', 'p95'],
    [
      ['POST through the app', r.writes.app.perSecond.toFixed(0), ms(r.writes.app.p50), ms(r.writes.app.p95)],
      ['raw better-sqlite3', r.writes.raw.perSecond.toFixed(0), ms(r.writes.raw.p50), ms(r.writes.raw.p95)],
    ],
  ),
  '',
  `What a write costs the next calendar request (${r.calendar.events.toLocaleString('en')} events, ${kb(r.calendar.bytes)}, ${r.calendar.changes} changes): HEAD \`/calendar.ics\` right after a PATCH p50 ${ms(r.calendar.afterWrite.p50)} (p95 ${ms(r.calendar.afterWrite.p95)}), the unchanged repeat p50 ${ms(r.calendar.unchanged.p50)}; the PATCH itself p50 ${ms(r.calendar.patch.p50)}.`,
]);

await section(benchMemory, (r) => {
  const growth = r.after.rss - r.warm.rss;
  const allowed = r.after.cache.budget + 64 * 2 ** 20;
  return [
    "## Memory under strangers' requests",
    '',
    `The Node server over ${r.events.toLocaleString('en')} generated events, in its own process, measured after a full collection: after warming every real document once (${r.warmPaths.toLocaleString('en')} calendars, feeds and lists), then after ${r.requests.toLocaleString('en')} requests, each a distinct URL (city spellings, repeated kinds, query strings; answers ${Object.entries(
      r.statuses,
    )
      .map(([status, n]) => `${n} × ${status}`)
      .join(', ')}).`,
    '',
    ...table(
      ['', 'resident memory', 'bytes the caches hold', 'cache budget'],
      [
        ['after warming every document once', mib(r.warm.rss), mib(r.warm.cache.bytes), mib(r.warm.cache.budget)],
        [
          `after ${r.requests.toLocaleString('en')} stranger requests`,
          mib(r.after.rss),
          mib(r.after.cache.bytes),
          mib(r.after.cache.budget),
        ],
      ],
    ),
    '',
    `- Growth ${mib(growth)} ≤ budget + 64 MiB (${mib(allowed)}): ${verdict(growth <= allowed)}; caches within budget: ${verdict(r.after.cache.bytes <= r.after.cache.budget)}.`,
  ];
});

const RESULTS = new URL('./RESULTS.md', import.meta.url);
if (only) {
  // Each section replaces the one of the same heading, or comes before the write benchmarks.
  let text = readFileSync(RESULTS, 'utf8');
  for (const section of partial) {
    const heading = section[0] ?? '';
    const body = `${section.join('\n')}\n`;
    const at = text.indexOf(`${heading}\n`);
    if (at >= 0) {
      const next = text.indexOf('\n## ', at + heading.length);
      text = `${text.slice(0, at)}${body}${next >= 0 ? text.slice(next + 1) : ''}`;
    } else {
      const before = text.indexOf('\n## Writes\n');
      text = before >= 0 ? `${text.slice(0, before + 1)}${body}\n${text.slice(before + 1)}` : `${text}\n${body}`;
    }
  }
  writeFileSync(RESULTS, text);
} else writeFileSync(RESULTS, `${lines.join('\n')}\n`);
