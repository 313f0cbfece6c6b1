/**
 * @module routes/editor-cities
 * The secretariat's cities in the editor: the list, a new city, a city's form with its history; saving goes
 * through writing/write-city.ts. Other roles answer 403.
 */
import { Hono } from 'hono';
import { words } from '../../core/i18n/catalogue.js';
import type { City, Lang } from '../../core/model.js';
import { referenceData } from '../../documents/reference-data.js';
import { listCityChanges } from '../../storage/city-history-repository.js';
import { cityInputSchema } from '../../writing/city-input.js';
import { findCity, saveCity } from '../../writing/write-city.js';
import { type FormValues, fieldText } from '../editor-form.js';
import { type EditorContext, editorLang, page, type Signed, signedForm, signedIn } from '../editor-session.js';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { checkInput } from '../validate.js';
import { citiesBody, cityFormBody } from '../views/editor-cities.js';
import { writeContextOf } from '../write-context.js';

/** The form values of a stored city. */
function cityFormOf(city: City): FormValues {
  const values: Record<string, string> = {
    slug: city.slug,
    name_de: city.name.de,
    name_en: city.name.en,
    name_zh: city.name.zh,
    nameZhUncertain: city.nameZhUncertain ? 'on' : '',
    aliases: city.aliases.join(', '),
    country: city.country,
    subdivision: city.subdivision ?? '',
    timeZone: city.timeZone,
    parent: city.parent ?? '',
    note: city.note ?? '',
    revision: String(city.revision),
  };
  for (const [i, m] of city.memberships.entries()) {
    values[`m${i}_status`] = m.status;
    values[`m${i}_from`] = m.from;
    values[`m${i}_to`] = m.to ?? '';
    values[`m${i}_endReason`] = m.endReason ?? '';
    values[`m${i}_admittedAt`] = m.admittedAt ?? '';
  }
  return values;
}

/** A posted city form as a city input; a period keeps the sources its place had. */
function cityInputFromForm(values: FormValues, before: City | null): Record<string, unknown> {
  const v = (name: string) => fieldText(values, name).trim();
  const optional = (name: string) => v(name) || null;
  const memberships: Array<Record<string, unknown>> = [];
  for (let i = 0; i < 21 && (values[`m${i}_status`] !== undefined || values[`m${i}_from`] !== undefined); i++) {
    if (v(`m${i}_status`) === '' && v(`m${i}_from`) === '') continue;
    memberships.push({
      status: v(`m${i}_status`),
      from: v(`m${i}_from`),
      ...(v(`m${i}_to`) && { to: v(`m${i}_to`) }),
      ...(v(`m${i}_endReason`) && { endReason: v(`m${i}_endReason`) }),
      ...(v(`m${i}_admittedAt`) && { admittedAt: v(`m${i}_admittedAt`) }),
      sources: before?.memberships[i]?.sources ?? [],
    });
  }
  return {
    slug: before?.slug ?? v('slug'),
    name: { de: v('name_de'), en: v('name_en'), zh: v('name_zh') },
    nameZhUncertain: v('nameZhUncertain') === 'on',
    aliases: v('aliases')
      .split(/[,，、]/)
      .map((s) => s.trim())
      .filter(Boolean),
    country: v('country'),
    subdivision: optional('subdivision'),
    ...(v('timeZone') && { timeZone: v('timeZone') }),
    parent: optional('parent'),
    note: optional('note'),
    memberships,
  };
}

/** The form field a failure names: `name.de` → `name_de`, `memberships.0.from` → `m0_from`, `aliases.2` → `aliases`. */
function cityFieldOf(path: string): string {
  const [head, index, rest] = path.split('.');
  if (head === 'name' && index) return `name_${index}`;
  if (head === 'memberships' && index !== undefined) return `m${index}_${rest === 'sources' ? 'from' : (rest ?? 'from')}`;
  return head ?? 'slug';
}

/** The secretariat's session, or 403. */
async function secretariat(c: EditorContext): Promise<Signed | null> {
  const signed = await signedIn(c);
  if (signed && signed.account.role !== 'secretariat') throw new ApiError('forbidden', 'only the secretariat manages cities');
  return signed;
}

/** Shows a city's form (a new one when `city` is null). */
async function showCity(
  c: EditorContext,
  signed: Signed,
  lang: Lang,
  city: City | null,
  values: FormValues,
  extra: { errors?: Map<string, string>; saved?: boolean } = {},
  status = 200,
) {
  const history = city ? await listCityChanges(c.get('deps').store.db, city.slug) : [];
  const w = words(lang).editor;
  const body = cityFormBody({
    lang,
    values,
    errors: extra.errors ?? new Map(),
    city,
    periods: Math.max(
      city?.memberships.length ?? 0,
      ...Object.keys(values)
        .flatMap((k) => /^m(\d+)_/.exec(k)?.[1] ?? [])
        .map((n) => Number(n)),
    ),
    history,
    saved: extra.saved ?? false,
    formToken: signed.formToken,
  });
  return page(c, lang, city ? `${w.editCity}: ${city.name[lang]}` : w.newCity, body, signed, status);
}

/** Handles a posted city form. */
async function postCity(c: EditorContext, slug: string | null) {
  const { signed, values } = await signedForm(c);
  if (signed.account.role !== 'secretariat') throw new ApiError('forbidden', 'only the secretariat manages cities');
  const lang = editorLang(c, signed.account);
  const ctx = writeContextOf(c);
  let before: City | null = null;
  if (slug !== null) {
    const found = await findCity(ctx, slug);
    if (!found.ok) throw new ApiError('not_found', found.error.message, 'city');
    before = found.value;
  }
  const checked = checkInput(cityInputSchema, cityInputFromForm(values, before));
  const result = checked.ok ? await saveCity(ctx, signed.account, checked.value, before) : checked;
  if (!result.ok) {
    const { error } = result;
    const field = 'field' in error ? cityFieldOf(error.field) : 'slug';
    return showCity(
      c,
      signed,
      lang,
      before,
      values,
      { errors: new Map([[field, error.message]]) },
      error.code === 'precondition_failed' ? 409 : 400,
    );
  }
  if (!before) return c.redirect(`/editor/cities/${result.value.slug}?lang=${lang}&saved=1`, 303);
  return showCity(c, signed, lang, result.value, cityFormOf(result.value), { saved: true });
}

export const editorCitiesRoutes = new Hono<AppEnv>()
  .get('/editor/cities', async (c) => {
    const signed = await secretariat(c);
    if (!signed) return c.redirect(`/editor?lang=${editorLang(c)}`, 303);
    const lang = editorLang(c, signed.account);
    const { cities } = await referenceData(c.get('deps'), c.get('cache'));
    return page(c, lang, words(lang).editor.cities, citiesBody(lang, cities), signed);
  })
  .get('/editor/cities/new', async (c) => {
    const signed = await secretariat(c);
    if (!signed) return c.redirect(`/editor?lang=${editorLang(c)}`, 303);
    return showCity(c, signed, editorLang(c, signed.account), null, { country: 'DE' });
  })
  .post('/editor/cities/new', (c) => postCity(c, null))
  .get('/editor/cities/:slug', async (c) => {
    const signed = await secretariat(c);
    if (!signed) return c.redirect(`/editor?lang=${editorLang(c)}`, 303);
    const found = await findCity(writeContextOf(c), c.req.param('slug'));
    if (!found.ok) throw new ApiError('not_found', found.error.message, 'city');
    const lang = editorLang(c, signed.account);
    return showCity(c, signed, lang, found.value, cityFormOf(found.value), { saved: c.req.query('saved') === '1' });
  })
  .post('/editor/cities/:slug', (c) => postCity(c, c.req.param('slug')));
