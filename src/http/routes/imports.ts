/**
 * @module routes/imports
 * Imports for scripts (interface: Additions, Import): `POST /api/v1/imports` with an iCalendar (`text/calendar`)
 * or CSV (`text/csv`) body answers the dry run; `GET /api/v1/imports/{id}` shows it again;
 * `POST /api/v1/imports/{id}/commit` applies it (writing/import-events.ts).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Account } from '../../core/model.js';
import { commitImport, type DryRun, dryRunImport, findImport, type ImportError, type ImportRequest } from '../../writing/import-events.js';
import { authorize } from '../auth.js';
import type { AppEnv, RequestDeps } from '../env.js';
import { ApiError } from '../errors.js';
import { langOf, parseZone } from '../query.js';
import { importQuery } from '../query-schemas.js';
import { jsonResponse } from '../responses.js';
import { parseInput } from '../validate.js';
import { writeContextOf } from '../write-context.js';

/** Largest file accepted: a calendar of a few thousand events. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

const FORMATS: Readonly<Record<string, ImportRequest['format']>> = { 'text/calendar': 'ics', 'text/csv': 'csv' };

/** The path that commits a dry run. */
export const commitPath = (id: string) => `/api/v1/imports/${encodeURIComponent(id)}/commit`;

/** A dry run as the API answers it. */
export const dryRunJson = (dryRun: DryRun) => ({ ...dryRun, commit: commitPath(dryRun.id) });

/** An import's failure as the error envelope. */
export function importFailure(error: ImportError): never {
  throw new ApiError(error.code, error.message, error.field);
}

/**
 * The import request of a file and the query (defaults, encoding), shared with the editor's upload: a city
 * editor's items that name no city take place in their cities.
 */
export function importRequestOf(
  deps: RequestDeps,
  account: Account,
  format: ImportRequest['format'],
  bytes: Uint8Array,
  query: Record<string, string | undefined>,
): ImportRequest {
  const q = parseInput(importQuery, query, 'query');
  const timeZone = parseZone(q.timeZone || undefined, 'query.timeZone');
  const cities = q.cities
    ?.split(/[,，、]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const defaults = cities?.length ? cities : account.role === 'city-editor' ? account.cities : undefined;
  return {
    format,
    bytes,
    lang: langOf(q.lang ?? account.lang),
    ...(timeZone && { timeZone }),
    ...(defaults && { cities: defaults }),
    ...(q.kind && { kind: q.kind }),
    ...(q.charset && { charset: q.charset }),
    ...(q.delimiter && { delimiter: q.delimiter }),
    ...(deps.decodeLegacy && { decodeLegacy: deps.decodeLegacy }),
  };
}

export const importsRoutes = new Hono<AppEnv>()
  .post(
    '/api/v1/imports',
    bodyLimit({
      maxSize: MAX_IMPORT_BYTES,
      onError: () => {
        throw new ApiError('payload_too_large', `a file is at most ${MAX_IMPORT_BYTES} bytes`, 'body');
      },
    }),
    async (c) => {
      const account = await authorize(c.get('deps'), c.req.raw, c.env);
      const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      const format = FORMATS[type];
      if (!format) throw new ApiError('unsupported_media_type', 'send the file as text/calendar or text/csv', 'headers.content-type');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const result = await dryRunImport(writeContextOf(c), account, importRequestOf(c.get('deps'), account, format, bytes, c.req.query()));
      if (!result.ok) importFailure(result.error);
      return jsonResponse(dryRunJson(result.value), { 'Cache-Control': 'no-store' });
    },
  )
  .get('/api/v1/imports/:id', async (c) => {
    const account = await authorize(c.get('deps'), c.req.raw, c.env);
    const found = await findImport(writeContextOf(c), account, c.req.param('id'));
    if (!found) throw new ApiError('not_found', `no import with id "${c.req.param('id')}"`, 'id');
    const dryRun = { id: found.id, expires: found.expires, items: found.items as DryRun['items'] };
    return jsonResponse({ ...dryRunJson(dryRun), committed: found.committed }, { 'Cache-Control': 'no-store' });
  })
  .post('/api/v1/imports/:id/commit', async (c) => {
    const account = await authorize(c.get('deps'), c.req.raw, c.env);
    const result = await commitImport(writeContextOf(c), account, c.req.param('id'));
    if (!result.ok) importFailure(result.error);
    return jsonResponse({ ...result.value, committed: true });
  });
