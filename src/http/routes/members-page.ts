/**
 * @module routes/members-page
 * `/members` and `/members.<lang>.html`: the map of the member cities and the membership timeline. Kept per data
 * version, like every page; the coordinates come from places.json (npm run generate:places), made at build time
 * so the gazetteer stays out of the Worker.
 */
import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import { memberCounts } from '../../core/cities/member-timeline.js';
import placesFile from '../../core/cities/places.json' with { type: 'json' };
import { words } from '../../core/i18n/catalogue.js';
import type { Lang } from '../../core/model.js';
import { membersPagePath } from '../../core/site-paths.js';
import { referenceData } from '../../documents/reference-data.js';
import { listEvents } from '../../storage/events-repository.js';
import type { AppEnv } from '../env.js';
import { type PageRequest, page, servePage } from '../page-request.js';
import { layout } from '../views/layout.js';
import { membersList, membersMap } from '../views/members-map.js';
import { membersTimeline } from '../views/members-timeline.js';

async function membersPage(c: Context<AppEnv>, page: PageRequest): Promise<Response> {
  const deps = c.get('deps');
  const { lang } = page;
  return servePage(c, page, membersPagePath(lang), async ({ day }) => {
    const reference = await referenceData(deps, c.get('cache'));
    const w = words(lang).members;
    const plenaries = (await listEvents(deps.store.db, { kinds: ['plenary'], from: Number.MIN_SAFE_INTEGER, limit: 500 })).items;
    const counts = memberCounts(reference.cities, day);
    const body = html`<h1>${w.heading}</h1>
<p>${w.intro}</p>
${membersMap(reference.cities, placesFile.places, placesFile.source, lang)}
${membersList(reference.cities, placesFile.places, lang)}
${membersTimeline(counts, plenaries, lang)}`;
    const meta = {
      lang,
      title: `${w.heading} – ${words(lang).pages.siteTitle}`,
      description: w.intro,
      publicUrl: deps.config.publicUrl,
      path: (l: Lang) => membersPagePath(l),
      feeds: [],
    };
    return layout(meta, body);
  });
}

const MEMBERS_FILE = /^members\.(de|en|zh)\.html$/;

export const membersRoutes = new Hono<AppEnv>()
  .get('/members', (c) => page(c, (p) => membersPage(c, p)))
  .get('/:file{members\\.(?:de|en|zh)\\.html}', (c) => page(c, (p) => membersPage(c, p), MEMBERS_FILE.exec(c.req.param('file'))?.[1]));
