/**
 * @module i18n/catalogue
 * The words shown to people, one catalogue per language (de.ts, en.ts, zh.ts): pages, calendars, feeds,
 * time texts and error pages all read from here, so a translator reviews one file per language.
 */
import type { Audience, EndReason, EventKind, Lang, MembershipStatus } from '../model.js';
import { de } from './de.js';
import { en } from './en.js';
import { zh } from './zh.js';

/** Everything a person reads, in one language. Functions are used where a number or name goes inside a phrase. */
export interface Catalogue {
  /** Kinds of events as people name them. */
  readonly kinds: Readonly<Record<EventKind, string>>;
  readonly event: {
    /** Leads the title of a cancelled event: Outlook shows no state for a cancelled published event. */
    readonly cancelledPrefix: string;
    readonly tentativePrefix: string;
    readonly cancelled: string;
    readonly tentative: string;
    readonly source: string;
    readonly details: string;
    readonly more: string;
    readonly place: string;
    readonly calendarFile: string;
    /** Marks an item that is not an event of the alliance itself (a badge, a category). */
    readonly related: string;
    /** Says in a description what a related item is. */
    readonly relatedNote: string;
    /** Leads whom an alliance-wide event is for. */
    readonly audience: string;
  };
  /** Names of the filters of a listing, as calendar and feed names show them. */
  readonly selection: {
    readonly audiences: Readonly<Record<Audience, string>>;
    readonly withoutRelated: string;
    readonly onlyRelated: string;
  };
  /** A city's membership history. */
  readonly membership: {
    readonly heading: string;
    readonly statuses: Readonly<Record<MembershipStatus | 'former', string>>;
    readonly endReasons: Readonly<Record<EndReason, string>>;
    /** Leads the event a city was admitted at. */
    readonly admittedAt: string;
    readonly since: string;
  };
  readonly site: {
    /** The alliance's short name, leading calendar and feed names. */
    readonly alliance: string;
    readonly allEvents: string;
    readonly feedDescription: string;
    readonly changesTitle: string;
    readonly calendarsAndFeeds: string;
    /** The language's own name, as the language switcher and feed lists show it. */
    readonly languageName: string;
  };
  readonly time: {
    /** The countries of the two home zones, as labels of times. */
    readonly germany: string;
    readonly china: string;
    /** luxon formats of a date, a month and a year. */
    readonly dateFormat: string;
    readonly monthFormat: string;
    readonly yearFormat: string;
    readonly allDay: string;
    readonly until: string;
    readonly dayShift: (days: number) => string;
    /** Punctuation around labels: half-width in German and English, full-width in Chinese. */
    readonly open: string;
    readonly close: string;
    readonly comma: string;
    readonly colon: string;
    /** Abbreviations of German summer and winter time as readers of this language write them. */
    readonly berlinSummer: string;
    readonly berlinWinter: string;
  };
  readonly changes: {
    readonly created: string;
    readonly moved: string;
    readonly changed: string;
    readonly cancelled: string;
    readonly reinstated: string;
    readonly before: string;
    readonly now: string;
  };
  readonly pages: {
    readonly siteTitle: string;
    readonly tagline: string;
    readonly upcoming: string;
    readonly recent: string;
    readonly noUpcoming: string;
    readonly cities: string;
    readonly germanMembers: string;
    readonly chineseMembers: string;
    readonly observersAndGuests: string;
    readonly formerMembers: string;
    readonly venues: string;
    readonly subscribe: string;
    readonly subscribeIntro: string;
    readonly webcal: string;
    readonly outlookCom: string;
    readonly office365: string;
    readonly google: string;
    readonly copyUrl: string;
    readonly copy: string;
    readonly copied: string;
    readonly feeds: string;
    readonly where: string;
    readonly participants: string;
    readonly download: string;
    /** Heading of the box on an event page: a download is a copy, not a subscription. */
    readonly downloadHeading: string;
    readonly addGoogle: string;
    readonly addOutlook: string;
    readonly addOffice365: string;
    /** What a cancelled event's page says instead of offering to add it. */
    readonly cancelledNotice: string;
    /** Leads the time of a timed event in the zone the reader asked for (`?tz=`). */
    readonly yourTime: string;
    readonly noCalendarEntry: string;
    readonly language: string;
    readonly help: string;
    readonly helpItems: readonly string[];
    readonly back: string;
    readonly skip: string;
  };
  /** Headings of error pages, by HTTP status class. */
  readonly errors: {
    readonly notFound: string;
    readonly badRequest: string;
    readonly failed: string;
  };
}

const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { de, en, zh };

/** The catalogue of a language. */
export function words(lang: Lang): Catalogue {
  return CATALOGUES[lang];
}
