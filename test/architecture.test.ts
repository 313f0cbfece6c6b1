/**
 * Layers import one way: core ← storage ← use cases (documents, writing) ← http ← entry points. The core stays pure: no I/O, runtime, clock.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src/', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') || e.name.endsWith('.tsx') ? [join(dir, e.name)] : [],
  );
}

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1] ?? '');
}

describe('architecture', () => {
  it('keeps the core pure', () => {
    const allowed =
      /^(luxon|ics|ical\.js|feed|timezones-ical-library|escape-html|fast-xml-parser|csv-stringify\/sync|csv-parse\/sync|zod\/mini|\.{1,2}\/.*)$/;
    for (const file of files(join(SRC, 'core'))) {
      const text = readFileSync(file, 'utf8');
      for (const spec of imports(file)) {
        expect(spec, `${file} imports ${spec}`).toMatch(allowed);
        expect(spec, `${file} reaches out of the core`).not.toMatch(/\.\.\/(storage|http)\//);
      }
      expect(text, `${file} reads the clock or the environment`).not.toMatch(/Date\.now\(|new Date\(\)|process\.|Math\.random\(/);
    }
  });

  it('lets storage import only the core, and names D1 only in its dialect', () => {
    for (const file of files(join(SRC, 'storage'))) {
      for (const spec of imports(file)) expect(spec, `${file} imports ${spec}`).not.toMatch(/\/http\/|hono/);
      if (!file.endsWith('d1.ts')) expect(readFileSync(file, 'utf8'), file).not.toMatch(/D1Database/);
    }
  });

  it('lets the use cases (documents, writing) import neither http nor Hono', () => {
    for (const dir of ['documents', 'writing'])
      for (const file of files(join(SRC, dir)))
        for (const spec of imports(file)) expect(spec, `${file} imports ${spec}`).not.toMatch(/\/http\/|^hono/);
  });

  it('lets only the entry points import the runtime adapters and the npm scripts', () => {
    for (const file of files(SRC)) {
      if (/\/src\/(node|worker)\.ts$/.test(file) || /\/src\/(cli|runtime)\//.test(file)) continue;
      for (const spec of imports(file)) expect(spec, `${file} imports ${spec}`).not.toMatch(/\/(cli|runtime)\//);
    }
  });

  it('keeps Hono inside http', () => {
    for (const dir of ['core', 'storage'])
      for (const file of files(join(SRC, dir))) for (const spec of imports(file)) expect(spec).not.toMatch(/^hono/);
  });
});
