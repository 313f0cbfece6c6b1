/**
 * The baseline of a comparison: the code before the change being measured, checked out in a temporary git
 * worktree (sharing this checkout's node_modules), so both sides run in the same run on the same machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The last commit before the document pipeline (issue: render once per change); BENCH_BASELINE overrides it. */
export const BASELINE_REF = process.env.BENCH_BASELINE ?? '3fb6871';

const ROOT = new URL('..', import.meta.url).pathname;

export interface Baseline {
  /** The worktree's root (with a trailing slash), and the commit it holds. */
  readonly root: string;
  readonly commit: string;
  /** A database of the seed set plus `count` generated events, built by the baseline's own code. */
  readonly database: (path: string, count: number) => void;
  readonly remove: () => void;
}

/** Checks the baseline out into a temporary worktree. */
export function checkoutBaseline(): Baseline {
  const dir = mkdtempSync(join(tmpdir(), 'isa-baseline-'));
  const root = join(dir, 'tree/');
  execFileSync('git', ['-C', ROOT, 'worktree', 'add', '--detach', root, BASELINE_REF], { stdio: 'ignore' });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  const commit = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  return {
    root,
    commit,
    database: (path, count) => {
      const script = join(root, 'make-database.ts');
      writeFileSync(
        script,
        `import { generatedEvents, seededStore } from './bench/calendar.js';\nawait (await seededStore(${JSON.stringify(path)}, generatedEvents(${count}))).close();\n`,
      );
      execFileSync(process.execPath, ['--import', 'tsx', script], { cwd: root, stdio: 'inherit' });
    },
    remove: () => {
      execFileSync('git', ['-C', ROOT, 'worktree', 'remove', '--force', root], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
