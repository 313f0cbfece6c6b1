/**
 * Child processes of the benchmarks (bench/child.ts): started pinned to core 1 while the load generator (this
 * process) runs on core 0, so the two never take turns on one core; their CPU and memory read over IPC.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';

const CHILD = new URL('./child.ts', import.meta.url).pathname;

export interface Child {
  readonly url: string;
  /** The child's CPU time so far (µs, user + system). */
  readonly cpu: () => Promise<number>;
  readonly memory: () => Promise<{ rss: number; cache: { bytes: number; budget: number } | null }>;
  /** Asks the floor child to read and concatenate a calendar's fragments. */
  readonly floor: (lang: string) => Promise<{ ms: number; cpuUs: number; bytes: number }>;
  /** Stops the child cleanly (its server closed) and resolves when it has exited. */
  readonly stop: () => Promise<void>;
}

function ask<T>(child: ChildProcess, message: string, pick: (m: Record<string, unknown>) => T | undefined): Promise<T> {
  return new Promise((done) => {
    const listen = (m: unknown) => {
      const value = pick(m as Record<string, unknown>);
      if (value === undefined) return;
      child.off('message', listen);
      done(value);
    };
    child.on('message', listen);
    child.send(message);
  });
}

/**
 * Starts a child in a mode (bench/child.ts) with its arguments and extra environment. BENCH_CHILD_FLAGS adds Node
 * flags to every child, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where a server's time goes.
 */
export function startChild(mode: string, args: readonly string[], env: Record<string, string> = {}): Promise<Child> {
  const child = spawn(
    'taskset',
    [
      '-c',
      '1',
      process.execPath,
      '--expose-gc',
      ...(process.env.BENCH_CHILD_FLAGS?.split(' ') ?? []),
      '--import',
      'tsx',
      CHILD,
      mode,
      ...args,
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: { ...process.env, ...env },
    },
  );
  return new Promise((ready, failed) => {
    child.once('error', failed);
    child.once('exit', (code) => failed(new Error(`bench child ${mode} exited with ${code}`)));
    child.once('message', (message) => {
      ready({
        url: (message as { url: string }).url,
        cpu: () =>
          ask(child, 'cpu', (m) =>
            m.cpu ? (m.cpu as { user: number; system: number }).user + (m.cpu as { system: number }).system : undefined,
          ),
        memory: () =>
          ask(child, 'memory', (m) =>
            m.rss === undefined ? undefined : (m as { rss: number; cache: { bytes: number; budget: number } | null }),
          ),
        floor: (lang) => ask(child, `floor:${lang}`, (m) => m.floor as { ms: number; cpuUs: number; bytes: number } | undefined),
        stop: () =>
          new Promise<void>((stopped) => {
            child.removeAllListeners('exit');
            child.once('exit', () => stopped());
            child.send('stop');
          }),
      });
    });
  });
}

/** Pins this process (the load generator) to core 0 while `run` runs. */
export async function onCoreZero<T>(run: () => Promise<T>): Promise<T> {
  execFileSync('taskset', ['-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
  try {
    return await run();
  } finally {
    execFileSync('taskset', ['-p', '-c', '0-1', String(process.pid)], { stdio: 'ignore' });
  }
}

/** A GET, its status, and how long it took end to end (ms), reading the whole body. */
/**
 * A GET over a kept-alive connection, sent again once when the server closed that connection just as it was
 * reused (its keep-alive timeout raced the request: the request never reached the server, so it is safe to repeat).
 */
export async function pooledGet(url: string, headers: Record<string, string> = {}): Promise<Response> {
  try {
    return await fetch(url, { headers });
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code !== 'UND_ERR_SOCKET' && code !== 'ECONNRESET') throw error;
    return fetch(url, { headers });
  }
}

/** A GET's status, time and body size; `retry` false reports a connection the server closed instead of sending again. */
export async function timedGet(
  url: string,
  headers: Record<string, string> = {},
  retry = true,
): Promise<{ status: number; ms: number; bytes: number }> {
  const t0 = performance.now();
  const res = retry ? await pooledGet(url, headers) : await fetch(url, { headers });
  const bytes = (await res.arrayBuffer()).byteLength;
  return { status: res.status, ms: performance.now() - t0, bytes };
}

/** Server CPU (µs) and wall time (ms) of one request. */
export async function measuredGet(child: Child, path: string, headers: Record<string, string> = {}) {
  const cpu0 = await child.cpu();
  const result = await timedGet(`${child.url}${path}`, headers);
  return { ...result, cpuUs: (await child.cpu()) - cpu0 };
}
