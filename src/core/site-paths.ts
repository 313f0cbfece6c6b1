/**
 * @module site-paths
 * The static paths of pages and single-event downloads (docs/interface.md, "Static paths"): every link the app
 * writes into pages, feeds and calendars uses them, so the same links work from the app and from a static host
 * that ignores query strings (npm run export). The app answers the query forms (`/events/{id}?lang=en`) too.
 */
import type { Lang } from './model.js';

/** `/index.de.html`: the home page in a language. */
export const homePath = (lang: Lang): string => `/index.${lang}.html`;

/** `/cities/koeln/index.de.html`: a city's page. */
export const cityPagePath = (slug: string, lang: Lang): string => `/cities/${slug}/index.${lang}.html`;

/** `/events/isa-plenary-2018.de.html`: an event's page. */
export const eventPagePath = (id: string, lang: Lang): string => `/events/${id}.${lang}.html`;

/** `/events/isa-plenary-2018.de.ics`: an event as a calendar download. */
export const eventCalendarPath = (id: string, lang: Lang): string => `/events/${id}.${lang}.ics`;

/** `/imprint.de.html`: who provides the calendar. */
export const imprintPath = (lang: Lang): string => `/imprint.${lang}.html`;

/** `/privacy.de.html`: the privacy notice. */
export const privacyPath = (lang: Lang): string => `/privacy.${lang}.html`;

/** The base of a listing's views: the site, or a city (`/cities/koeln`). */
const listingBase = (city?: string): string => (city ? `/cities/${city}` : '');

/** `/month/2027-10.de.html`, `/cities/koeln/month/2027-10.de.html`: a month view. */
export const monthPagePath = (month: string, lang: Lang, city?: string): string => `${listingBase(city)}/month/${month}.${lang}.html`;

/** `/agenda.de.html`, `/cities/koeln/agenda.de.html`: the agenda from today. */
export const agendaPagePath = (lang: Lang, city?: string): string => `${listingBase(city)}/agenda.${lang}.html`;

/** `/embed.de.html`, `/embed/cities/koeln.de.html`: the page made for an iframe. */
export const embedPagePath = (lang: Lang, city?: string): string => (city ? `/embed/cities/${city}.${lang}.html` : `/embed.${lang}.html`);

/** `/search`: the search (always a query: nothing static to export). */
export const searchPath = '/search';

/** `/members.de.html`: the map of the members and the membership timeline. */
export const membersPagePath = (lang: Lang): string => `/members.${lang}.html`;
