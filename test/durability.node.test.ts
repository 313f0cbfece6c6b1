/**
 * Durability of acknowledged writes on the Node default: the real server (`src/node.ts`) in a child process
 * over a SQLite file, several writers POSTing events as fast as they can, the server killed with SIGKILL
 * while writes are in flight, then restarted on the same file. Every write answered 201 must be there,
 * whole (event, city link, history row, data version), and the file must pass `PRAGMA integrity_check`.
 *
 * Scope: SIGKILL ends the process, not the machine; what the process wrote survives in the OS page cache,
 * so this checks that a write is committed before it is acknowledged and that a crash leaves the file
 * consistent. It does not simulate a power loss (that is what synchronous=FULL is for).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_SET } from '../seeds/index.js';

const ROOT = new URL('..', import.meta.url).pathname;
const TOKEN = 'durability-token-0123';
const WRITERS = 4;
/** The kill comes right after this many writes were acknowledged, while the other writers wait for answers. */
const KILL_AFTER = 40;
const READY_TIMEOUT_MS = 8000;
const REQUEST_TIMEOUT_MS = 4000;

interface Server {
  readonly child: ChildProcess;
  readonly url: string;
  /** Resolves with the exit code or signal once the process has ended. */
  readonly exited: Promise<string>;
}

const dir = mkdtempSync(join(tmpdir(), 'isa-durability-'));
const dbPath = join(dir, 'durability.sqlite');
const servers: Server[] = [];

/** Starts `src/node.ts` in a child process and resolves once it logged its URL (readiness read from stdout). */
function startServer(): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], {
    cwd: ROOT,
    // The write rate limit (60 a minute by default) is lifted: the writers post as fast as they can.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: dbPath, ADMIN_TOKEN: TOKEN, WRITE_RATE_LIMIT: '1000000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<string>((done) => child.once('exit', (code, signal) => done(signal ?? `code ${code}`)));
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  return new Promise((ready, failed) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      failed(new Error(`server not ready after ${READY_TIMEOUT_MS} ms; stdout: ${stdout} stderr: ${stderr}`));
    }, READY_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      failed(error);
    });
    void exited.then((how) => {
      clearTimeout(timer);
      failed(new Error(`server exited (${how}) before it was ready; stderr: ${stderr}`));
    });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /ISA calendar serving (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        const server = { child, url: match[1], exited };
        servers.push(server);
        ready(server);
      }
    });
  });
}

/** Ends a server by its own PID and waits until it is gone (SIGKILL if it does not stop in time). */
async function stopServer(server: Server, signal: NodeJS.Signals = 'SIGTERM'): Promise<string> {
  const { pid } = server.child;
  if (server.child.exitCode !== null || server.child.signalCode !== null || pid === undefined) return server.exited;
  process.kill(pid, signal);
  const timer = setTimeout(() => {
    if (server.child.exitCode === null && server.child.signalCode === null) process.kill(pid, 'SIGKILL');
  }, 3000);
  try {
    return await server.exited;
  } finally {
    clearTimeout(timer);
  }
}

interface WriteRun {
  /** Every id answered 201, with the title it was written with. */
  readonly acknowledged: Map<string, string>;
  /** Requests that failed without an answer (in flight at the kill, or refused after it). */
  readonly unanswered: number;
  /** Answers other than 201 (none expected). */
  readonly unexpected: string[];
}

/** Runs WRITERS loops POSTing events; `server` is killed with SIGKILL as the KILL_AFTER-th write is acknowledged. */
async function writeUntilKilled(server: Server): Promise<WriteRun & { inFlightAtKill: number }> {
  const acknowledged = new Map<string, string>();
  const unexpected: string[] = [];
  let unanswered = 0;
  let inFlight = 0;
  let inFlightAtKill = -1;
  let killed = false;
  let kill: () => void = () => undefined;
  const killedNow = new Promise<void>((done) => {
    kill = () => {
      if (killed) return;
      killed = true;
      // Counted before the kill: this writer's own request is answered; the others are still waiting.
      inFlightAtKill = inFlight - 1;
      if (server.child.pid !== undefined) process.kill(server.child.pid, 'SIGKILL');
      done();
    };
  });
  const writer = async (w: number) => {
    for (let n = 0; !killed; n++) {
      const title = `Durability w${w} #${n}`;
      const body = { kind: 'conference', title: { de: title }, cities: ['foshan'], start: '2027-10-24T09:00', timeZone: 'Asia/Shanghai' };
      inFlight++;
      try {
        const res = await fetch(`${server.url}/api/v1/events`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        if (res.status === 201) {
          // The status line is the acknowledgement; the id is taken from Location, so a body cut off by the kill still counts.
          const id = /\/api\/v1\/events\/([^/]+)$/.exec(res.headers.get('location') ?? '')?.[1];
          if (!id) unexpected.push(`201 without a Location: ${res.headers.get('location')}`);
          else acknowledged.set(id, title);
          if (acknowledged.size >= KILL_AFTER) kill();
          await res.arrayBuffer().catch(() => undefined);
        } else {
          unexpected.push(`${res.status} ${await res.text().catch(() => '')}`.slice(0, 300));
        }
      } catch {
        unanswered++;
        if (!killed) unexpected.push('a request failed before the kill');
      } finally {
        inFlight--;
      }
    }
  };
  const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
  await killedNow;
  expect(await server.exited).toBe('SIGKILL');
  await Promise.all(writers);
  return { acknowledged, unanswered, unexpected, inFlightAtKill };
}

/** Runs `task` over `items`, `concurrency` at a time. */
async function eachLimited<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await task(items[next++] as T);
    }),
  );
}

afterAll(async () => {
  for (const server of servers) await stopServer(server);
  rmSync(dir, { recursive: true, force: true });
});

describe('durability on Node + SQLite (WAL, synchronous=FULL)', () => {
  it('keeps every acknowledged write when the server is killed with SIGKILL mid-write, and the file stays intact', {
    timeout: 20_000,
  }, async () => {
    const first = await startServer();
    const run = await writeUntilKilled(first);
    expect(run.unexpected).toEqual([]);
    expect(run.acknowledged.size).toBeGreaterThan(0);
    // The writers loop without pause, so the kill lands on requests in flight.
    expect(run.inFlightAtKill).toBeGreaterThan(0);
    const acknowledged = [...run.acknowledged.keys()];

    // The file as the kill left it (before any restart touches it): intact.
    const crashed = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
    try {
      expect(crashed.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      crashed.close();
    }

    // Restart on the same file: every acknowledged event is served as written.
    const second = await startServer();
    const served: Array<{ id: string; status: number; title?: string }> = [];
    await eachLimited(acknowledged, 8, async (id) => {
      const res = await fetch(`${second.url}/api/v1/events/${id}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      const body = res.status === 200 ? ((await res.json()) as { id: string; title: { de?: string } }) : undefined;
      if (res.status !== 200) await res.arrayBuffer();
      served.push({ id: body?.id ?? id, status: res.status, title: body?.title.de });
    });
    const wrong = served.filter((s) => s.status !== 200 || s.title !== run.acknowledged.get(s.id));
    expect(wrong).toEqual([]);
    expect(served).toHaveLength(acknowledged.length);

    // The database, through a separate connection while the second server runs (WAL lets it read a snapshot).
    const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const seedIds = new Set(SEED_SET.events.map((e) => e.id));
      const ids = db.prepare('SELECT id FROM events').pluck().all() as string[];
      const present = new Set(ids);
      const written = ids.filter((id) => !seedIds.has(id));
      // The seeds plus the written rows, nothing duplicated.
      expect(ids.length).toBe(seedIds.size + written.length);
      expect([...seedIds].filter((id) => !present.has(id))).toEqual([]);
      // Every acknowledged id is in the database.
      expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
      // Rows beyond the acknowledged ones can only be writes that committed but whose answer the kill cut off.
      const unacknowledged = written.filter((id) => !run.acknowledged.has(id));
      expect(unacknowledged.length).toBeLessThanOrEqual(run.unanswered);
      expect(unacknowledged.length).toBeLessThanOrEqual(WRITERS);

      // Each write is one transaction: the event, its city link, its 'created' history row and the data version together.
      const created = new Set(
        db.prepare("SELECT event_id FROM event_history WHERE action = 'created' AND revision = 1").pluck().all() as string[],
      );
      expect(acknowledged.filter((id) => !created.has(id))).toEqual([]);
      expect(db.prepare('SELECT count(*) FROM event_history').pluck().get()).toBe(written.length);
      expect(written.filter((id) => !created.has(id))).toEqual([]);
      const linked = db
        .prepare(
          "SELECT count(*) FROM event_cities WHERE city = 'foshan' AND role = 'venue' AND event_id IN (SELECT event_id FROM event_history)",
        )
        .pluck()
        .get();
      expect(linked).toBe(written.length);
      // Version 1 is the seed set; every write raises it by one.
      expect(db.prepare('SELECT version FROM data_version WHERE id = 1').pluck().get()).toBe(1 + written.length);
    } finally {
      db.close();
    }
  });
});
