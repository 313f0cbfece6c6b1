/**
 * @module routes/editor-import
 * The editor's import: upload a file (multipart), see the dry run, commit it — the same use case as
 * `POST /api/v1/imports` (writing/import-events.ts), with the same defaults and checks.
 */
import { Hono } from 'hono';
import { words } from '../../core/i18n/catalogue.js';
import { commitImport, dryRunImport } from '../../writing/import-events.js';
import { editorLang, page, signedForm, signedIn } from '../editor-session.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { committedBody, dryRunBody, importFormBody } from '../views/editor-import.js';
import { writeContextOf } from '../write-context.js';
import { importRequestOf, MAX_IMPORT_BYTES } from './imports.js';

export const editorImportRoutes = new Hono<AppEnv>()
  .get('/editor/import', async (c) => {
    const signed = await signedIn(c);
    if (!signed) return c.redirect(`/editor?lang=${editorLang(c)}`, 303);
    const lang = editorLang(c, signed.account);
    return page(c, lang, words(lang).editor.importHeading, importFormBody(lang, signed.formToken, null), signed);
  })
  .post('/editor/import', async (c) => {
    const { signed, values, files } = await signedForm(c);
    const lang = editorLang(c, signed.account);
    const w = words(lang).editor;
    const refuse = (message: string, status: 400 | 413 = 400) =>
      page(c, lang, w.importHeading, importFormBody(lang, signed.formToken, message), signed, status);
    const file = files.file;
    if (!file || file.size === 0) return refuse(w.importFile);
    if (file.size > MAX_IMPORT_BYTES) return refuse(`${w.importFile}: > ${MAX_IMPORT_BYTES / 1024 / 1024} MiB`, 413);
    const format = /\.ics$/i.test(file.name) || file.type === 'text/calendar' ? 'ics' : 'csv';
    const query = { lang, timeZone: values.timeZone, cities: values.cities, kind: values.kind } as Record<string, string | undefined>;
    let request: ReturnType<typeof importRequestOf>;
    try {
      request = importRequestOf(c.get('deps'), signed.account, format, new Uint8Array(await file.arrayBuffer()), query);
    } catch (error) {
      if (error instanceof ApiError) return refuse(`${error.field ?? ''} ${error.message}`);
      throw error;
    }
    const result = await dryRunImport(writeContextOf(c), signed.account, request);
    if (!result.ok) return refuse(result.error.message);
    return page(c, lang, w.importHeading, dryRunBody(lang, signed.formToken, result.value), signed);
  })
  .post('/editor/import/:id', async (c) => {
    const { signed } = await signedForm(c);
    const lang = editorLang(c, signed.account);
    const w = words(lang).editor;
    const result = await commitImport(writeContextOf(c), signed.account, c.req.param('id'));
    if (!result.ok) {
      const status = result.error.code === 'import_stale' ? 409 : result.error.code === 'gone' ? 410 : 404;
      return page(c, lang, w.importHeading, importFormBody(lang, signed.formToken, result.error.message), signed, status);
    }
    return page(c, lang, w.importHeading, committedBody(lang, result.value.items), signed);
  });
