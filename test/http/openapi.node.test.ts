/**
 * The OpenAPI document: served by a real server, linted by Redocly's CLI with its recommended rules (no error,
 * no warning), and used to validate real answers of the API against its response schemas with ajv.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { WRITE_TOKEN } from '../fixtures/tokens.js';
import { serveForSuite } from './node-server.js';

const run = promisify(execFile);
const REDOCLY = new URL('../../node_modules/.bin/redocly', import.meta.url).pathname;

interface Document {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }>>;
  components: { schemas: Record<string, object> };
}

describe('OpenAPI document', () => {
  const s = serveForSuite({ ADMIN_TOKEN: WRITE_TOKEN });
  let doc: Document;
  let ajv: Ajv2020;

  beforeAll(async () => {
    doc = (await (await s.fetch('/api/v1/openapi.json')).json()) as Document;
    ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addSchema({ $id: 'openapi', $defs: {}, components: doc.components });
  });

  /** The schema of a path's JSON answer with a status, as the document declares it. */
  function validator(path: string, method: string, status: number): ValidateFunction {
    const schema = doc.paths[path]?.[method]?.responses[String(status)]?.content?.['application/json']?.schema;
    if (!schema?.$ref) throw new Error(`${method} ${path} ${status}: no JSON schema declared`);
    return ajv.compile({ $ref: `openapi${schema.$ref}` });
  }

  async function expectValid(path: string, template: string, init: RequestInit = {}, method = 'get'): Promise<unknown> {
    const res = await s.fetch(path, init);
    const body = await res.json();
    const validate = validator(template, method, res.status);
    expect(validate(body), `${path} ${res.status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    return body;
  }

  it("passes Redocly's recommended rules without an error or a warning", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'isa-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc));
      const { stdout } = await run(REDOCLY, ['lint', file, '--extends=recommended', '--format=json'], {
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      });
      const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number }; problems: unknown[] };
      expect(report.problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('describes every read answer as the API gives it', async () => {
    await expectValid('/healthz', '/healthz');
    await expectValid('/api/v1/cities?lang=zh', '/api/v1/cities');
    await expectValid('/api/v1/cities/K%C3%B6ln', '/api/v1/cities/{city}');
    await expectValid('/api/v1/sources', '/api/v1/sources');
    const page = (await expectValid('/api/v1/events?from=2000-01-01&limit=3&tz=Europe/Berlin', '/api/v1/events')) as { next: string };
    expect(page.next).toEqual(expect.any(String));
    await expectValid('/api/v1/events/isa-plenary-2018?lang=en', '/api/v1/events/{id}');
    await expectValid('/api/v1/events/dresden-delegation-jinan-2018', '/api/v1/events/{id}');
  });

  it('describes written events, changes and errors as the API gives them', async () => {
    const auth = { Authorization: `Bearer ${WRITE_TOKEN}`, 'Content-Type': 'application/json' };
    const created = (await expectValid(
      '/api/v1/events',
      '/api/v1/events',
      {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          kind: 'plenary',
          title: { zh: '全体大会' },
          cities: ['佛山'],
          start: '2027-10-24T09:00',
          end: '2027-10-24T17:00',
          timeZone: 'CST',
          fold: 0,
        }),
      },
      'post',
    )) as { id: string };
    await expectValid(
      `/api/v1/events/${created.id}`,
      '/api/v1/events/{id}',
      { method: 'PATCH', headers: { ...auth, 'If-Match': '"r1"' }, body: JSON.stringify({ start: '2027-10-24T10:00' }) },
      'patch',
    );
    await expectValid('/api/v1/changes?since=2000-01-01', '/api/v1/changes');
    await expectValid('/api/v1/events?from=yesterday', '/api/v1/events');
    await expectValid('/api/v1/cities/Atlantis', '/api/v1/cities/{city}');
    await expectValid('/api/v1/events', '/api/v1/events', { method: 'POST', headers: auth, body: '{}' }, 'post');
  });
});
