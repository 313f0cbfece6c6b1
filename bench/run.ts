/**
 * `npm run bench`: runs every benchmark side by side with its baseline and writes bench/RESULTS.md.
 */
import { writeFileSync } from 'node:fs';
import { machineLine } from './machine.js';
import { benchUpcomingByCity } from './upcoming-by-city.js';

const fmt = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;

const lines = ['# Benchmark results', '', `Machine: ${machineLine()}`, '', 'Written by `npm run bench`; every figure comes from one run, the two sides of a comparison interleaved.', ''];

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
console.log(lines.join('\n'));
writeFileSync(new URL('./RESULTS.md', import.meta.url), `${lines.join('\n')}\n`);
