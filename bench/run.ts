/**
 * `npm run bench`: runs every benchmark side by side with its baseline and writes bench/RESULTS.md.
 */
import { writeFileSync } from 'node:fs';
import { benchCalendar } from './calendar.js';
import { benchFeeds } from './feeds.js';
import { machineLine } from './machine.js';
import { benchMemory } from './memory.js';
import { benchServeCpu } from './serve-cpu.js';
import { benchUpcomingByCity } from './upcoming-by-city.js';
import { benchWrites } from './writes.js';

const fmt = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;

const lines = [
  '# Benchmark results',
  '',
  `Machine: ${machineLine()}`,
  '',
  'Written by `npm run bench`; every figure comes from one run, the two sides of a comparison interleaved.',
  '',
];

const upcoming = await benchUpcomingByCity();
const ratio = upcoming.ours.p50 / upcoming.raw.p50;
lines.push(
  '## Upcoming events by city (issue: foundation)',
  '',
  `Next 50 events in Köln from 2026-11-27 on a generated database of ${upcoming.events.toLocaleString('en')} events (plus the seeds), ${upcoming.rounds} rounds each, interleaved. Ours: \`listEvents\` through Kysely, rows mapped to domain records. Baseline: the same SQL statement, prepared once in better-sqlite3, rows not mapped.`,
  '',
  '| | p50 | p95 |',
  '|---|---|---|',
  `| repository + Kysely | ${fmt(upcoming.ours.p50)} | ${fmt(upcoming.ours.p95)} |`,
  `| raw prepared statement | ${fmt(upcoming.raw.p50)} | ${fmt(upcoming.raw.p95)} |`,
  '',
  `Ratio (p50): **${ratio.toFixed(2)}×** (goal ≤ 1.5×); p50 goal < 1 ms: **${upcoming.ours.p50 < 1 ? 'met' : 'missed'}**. Items returned: ${upcoming.items}.`,
  '',
  'Query plan of the listing statement:',
  '',
  ...upcoming.plan.map((d) => `    ${d}`),
  '',
);
const ms = (x: number) => `${x.toFixed(1)} ms`;
const calendar = await benchCalendar();
lines.push(
  '## Calendars (issue: iCalendar subscriptions)',
  '',
  `\`/calendar.ics\` with ${calendar.events.toLocaleString('en')} generated bilingual events (half timed, half all-day; ${(calendar.bytes / 2 ** 20).toFixed(1)} MiB).`,
  '',
  '| | p50 | p95 | goal |',
  '|---|---|---|---|',
  `| full rebuild through the app (DB read, ics, adapters, bytes) | ${ms(calendar.fullRebuild.p50)} | ${ms(calendar.fullRebuild.p95)} | ≤ 1.3× ics alone |`,
  `| \`ics\` createEvents alone, same events | ${ms(calendar.icsAlone.p50)} | ${ms(calendar.icsAlone.p95)} | baseline |`,
  `| ready to serve again after one event changed (HEAD) | ${ms(calendar.afterChange.p50)} | ${ms(calendar.afterChange.p95)} | < 50 ms |`,
  `| same, GET reading the whole body out of the Response | ${ms(calendar.afterChangeWithBody.p50)} | ${ms(calendar.afterChangeWithBody.p95)} | |`,
  '',
  `Full rebuild ratio (p50): **${(calendar.fullRebuild.p50 / calendar.icsAlone.p50).toFixed(2)}×** ics alone.`,
  '',
);

const feeds = benchFeeds();
lines.push(
  '## Feeds (issue: RSS, Atom, JSON Feed)',
  '',
  `${feeds.items.toLocaleString('en')} items, 30 rounds. Ours: building the one feed model from events (time texts in both zones, HTML content) and rendering the format with its adapters. Baseline: \`feed\` 6.0.0 alone writing the same, already built model. Building the model alone: ${ms(feeds.build.p50)} (p50).`,
  '',
  '| format | ours p50 | ours p95 | feed alone p50 | size |',
  '|---|---|---|---|---|',
  ...(['rss', 'atom', 'json'] as const).map((f) => {
    const r = feeds.formats[f];
    return `| ${f} | ${ms(r.ours.p50)} | ${ms(r.ours.p95)} | ${ms(r.feedAlone.p50)} | ${(r.bytes / 1024).toFixed(0)} KiB |`;
  }),
  '',
);

const writes = await benchWrites();
lines.push(
  '## Writes (issue: write path)',
  '',
  `Single writer on the Node default (WAL, synchronous=FULL), ${writes.writes.count} timed writes per side in ${writes.writes.rounds} interleaved batches. Ours: \`POST /api/v1/events\` through the app (validation, city and time resolution, rate-limit counters, token check, one atomic batch with history row and data version). Baseline: raw better-sqlite3 writing the same four rows per transaction.`,
  '',
  '| | writes/s | p50 | p95 |',
  '|---|---|---|---|',
  `| POST through the app | ${writes.writes.app.perSecond.toFixed(0)} | ${ms(writes.writes.app.p50)} | ${ms(writes.writes.app.p95)} |`,
  `| raw better-sqlite3 | ${writes.writes.raw.perSecond.toFixed(0)} | ${ms(writes.writes.raw.p50)} | ${ms(writes.writes.raw.p95)} |`,
  '',
  `Cost of a write on the next calendar request (${writes.calendar.events.toLocaleString('en')} events, ${(writes.calendar.bytes / 1024).toFixed(0)} KiB, ${writes.calendar.changes} changes): HEAD \`/calendar.ics\` right after a PATCH p50 ${ms(writes.calendar.afterWrite.p50)} (p95 ${ms(writes.calendar.afterWrite.p95)}), unchanged repeat p50 ${ms(writes.calendar.unchanged.p50)}; the PATCH itself p50 ${ms(writes.calendar.patch.p50)}.`,
  '',
);

const serve = await benchServeCpu();
const us = (x: number) => `${x.toFixed(0)} µs`;
lines.push(
  '## Serving a kept calendar: server CPU per request (issues: calendars, Workers)',
  '',
  `A ${(serve.bytes / 1024).toFixed(0)} KB calendar, ${serve.requests} requests per round at concurrency 8 over loopback, 5 rounds alternating, medians. Ours: \`npm start\`'s server (Hono on @hono/node-server, data-version read per request). Baseline: node:http sending the same bytes from memory with the same ETag. Each server in its own process on core 1 (taskset), the load generator on core 0; CPU is the server process's own (user + system).`,
  '',
  '| | ours CPU/req | baseline CPU/req | ratio | ours req/s | baseline req/s |',
  '|---|---|---|---|---|---|',
  `| 200, full body | ${us(serve.ours200.cpuPerRequestUs)} | ${us(serve.base200.cpuPerRequestUs)} | **${(serve.ours200.cpuPerRequestUs / serve.base200.cpuPerRequestUs).toFixed(2)}×** (goal ≤ 1.5×) | ${serve.ours200.rps.toFixed(0)} | ${serve.base200.rps.toFixed(0)} |`,
  `| 304 to If-None-Match | ${us(serve.ours304.cpuPerRequestUs)} | ${us(serve.base304.cpuPerRequestUs)} | ${(serve.ours304.cpuPerRequestUs / serve.base304.cpuPerRequestUs).toFixed(2)}× | ${serve.ours304.rps.toFixed(0)} | ${serve.base304.rps.toFixed(0)} (rate **${(serve.ours304.rps / serve.base304.rps).toFixed(2)}×**, goal ≥ 0.8×) |`,
  '',
);

const memory = await benchMemory();
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const growth = memory.after.rss - memory.warm.rss;
const allowed = memory.after.cache.budget + 64 * 2 ** 20;
lines.push(
  "## Memory under strangers' requests (issue: no input can take the site down)",
  '',
  `The Node server over ${memory.events.toLocaleString('en')} generated events (plus the seeds), in its own process, measured after a full collection. Baseline: resident memory after warming every real document once (${memory.warmPaths.toLocaleString('en')} calendars, feeds and lists). Then ${memory.requests.toLocaleString('en')} requests, each a distinct URL: city spellings (case, dashes, apostrophes, other scripts, unknown names), repeated kinds, query strings (answers: ${Object.entries(
    memory.statuses,
  )
    .map(([status, n]) => `${n} × ${status}`)
    .join(', ')}).`,
  '',
  '| | resident memory | kept renderings (bytes counted by the caches) | cache budget |',
  '|---|---|---|---|',
  `| after warming every document once | ${mib(memory.warm.rss)} | ${mib(memory.warm.cache.bytes)} | ${mib(memory.warm.cache.budget)} |`,
  `| after ${memory.requests.toLocaleString('en')} stranger requests | ${mib(memory.after.rss)} | ${mib(memory.after.cache.bytes)} | ${mib(memory.after.cache.budget)} |`,
  '',
  `Growth: **${mib(growth)}** (goal ≤ budget + 64 MiB = ${mib(allowed)}: **${growth <= allowed ? 'met' : 'missed'}**); caches within budget: **${memory.after.cache.bytes <= memory.after.cache.budget ? 'yes' : 'no'}**.`,
  '',
);

console.log(lines.join('\n'));
writeFileSync(new URL('./RESULTS.md', import.meta.url), `${lines.join('\n')}\n`);
