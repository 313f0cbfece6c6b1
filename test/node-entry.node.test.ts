/**
 * The Node entry as an operator starts it (`npm start`, that is scripts/start.mjs, in a child process): a setting or a database file
 * that cannot be used stops the start with one line naming it and a non-zero exit, without a stack trace.
 */
import { execFile } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startNodeServer } from '../src/node.js';

const ROOT = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'isa-entry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the entry with settings; resolves with its exit code and output (it must stop by itself). */
function start(settings: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['scripts/start.mjs'],
      { cwd: ROOT, env: { ...process.env, PORT: '0', DATABASE_PATH: join(dir, 'unused.sqlite'), ...settings }, timeout: 20_000 },
      (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}

const expectOneLine = (stderr: string, pattern: RegExp) => {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
};

/** A seeded database file, made by the app itself, closed again. */
async function seededFile(name: string): Promise<string> {
  const path = join(dir, name);
  const server = await startNodeServer({ PORT: '0', DATABASE_PATH: path });
  await server.close();
  return path;
}

describe('starting the Node server', { timeout: 60_000 }, () => {
  it('regression: a bad token setting started anyway; now one line naming the setting and exit code 1', async () => {
    const run = await start({ ADMIN_TOKENS: 'ci=abcdefghijklmnop=qrstuvwxyz' });
    expect(run.code).toBe(1);
    expectOneLine(run.stderr, /^isa-calendar: setting ADMIN_TOKENS: entry 1 must be label=token with exactly one "="$/);
    const port = await start({ PORT: 'eighty' });
    expect(port.code).toBe(1);
    expectOneLine(port.stderr, /^isa-calendar: setting PORT: /);
  });

  it('regression: a file that is not a database, or is damaged, or of a newer schema, started with /healthz "ok"', async () => {
    const text = join(dir, 'notes.sqlite');
    writeFileSync(text, 'this is not a database, just some text long enough to have a header');
    const notDb = await start({ DATABASE_PATH: text });
    expect(notDb.code).toBe(1);
    expectOneLine(notDb.stderr, /^isa-calendar: database .*notes\.sqlite: is not a SQLite database$/);

    const damaged = await seededFile('damaged.sqlite');
    const bytes = Buffer.alloc(4096, 0xa5);
    const fd = openSync(damaged, 'r+');
    // The schema page (page 1) after the 100-byte file header: garbage.
    writeSync(fd, bytes, 0, 4096 - 100, 100);
    closeSync(fd);
    const corrupt = await start({ DATABASE_PATH: damaged });
    expect(corrupt.code).toBe(1);
    expectOneLine(corrupt.stderr, /^isa-calendar: database .*damaged\.sqlite: is damaged/);

    const newer = await seededFile('newer.sqlite');
    const raw = new BetterSqlite3(newer);
    raw.prepare("INSERT INTO d1_migrations (name) VALUES ('9999_from_the_future.sql')").run();
    raw.close();
    const future = await start({ DATABASE_PATH: newer });
    expect(future.code).toBe(1);
    expectOneLine(future.stderr, /^isa-calendar: database .*newer\.sqlite: has a newer schema .*9999_from_the_future\.sql/);
  });

  it('serves a database it cannot write read-only: reads answer, a write answers 503 and /healthz turns to failing', async () => {
    const path = await seededFile('read-only.sqlite');
    const server = await startNodeServer({ PORT: '0', DATABASE_PATH: path, ADMIN_TOKEN: 'read-only-token-0123' });
    try {
      // SQLite refuses every write as it does on a read-only file (SQLITE_READONLY); root could write a chmod-ed one.
      server.store.raw.pragma('query_only = ON');
      expect((await fetch(`${server.url}/calendar.ics`)).status).toBe(200);
      const write = await fetch(`${server.url}/api/v1/events`, {
        method: 'POST',
        headers: { Authorization: 'Bearer read-only-token-0123', 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind: 'visit', title: { en: 'Visit' }, cities: ['foshan'], start: '2027-03-01' }),
      });
      expect(write.status).toBe(503);
      expect(((await write.json()) as { error: { message: string } }).error.message).toMatch(/read-only/);
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ ok: false, writes: 'failing', reason: 'the database file is read-only' });
    } finally {
      await server.close();
    }
  });

  it('regression: a full disk gave opaque 500s; it answers 503 saying so, and /healthz reports writes failing', async () => {
    const path = await seededFile('full.sqlite');
    const server = await startNodeServer({ PORT: '0', DATABASE_PATH: path, ADMIN_TOKEN: 'full-disk-token-0123' });
    try {
      // The file may not grow by a page: as on a full disk, every write that needs space fails with SQLITE_FULL.
      const pages = server.store.raw.pragma('page_count', { simple: true }) as number;
      server.store.raw.pragma(`max_page_count = ${pages}`);
      const write = () =>
        fetch(`${server.url}/api/v1/events`, {
          method: 'POST',
          headers: { Authorization: 'Bearer full-disk-token-0123', 'Content-Type': 'application/json' },
          body: JSON.stringify({
            kind: 'visit',
            title: { en: 'Visit' },
            description: { de: 'Besuch '.repeat(700) },
            cities: ['foshan'],
            start: '2027-03-01',
          }),
        });
      let res = await write();
      for (let i = 0; i < 50 && res.status === 201; i++) res = await write();
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: unknown }).error).toMatchObject({
        code: 'unavailable',
        message: expect.stringContaining('the disk is full'),
      });
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ ok: false, writes: 'failing' });
      expect((await fetch(`${server.url}/calendar.ics`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
