/**
 * @module i18n/catalogue
 * The words shown to people, one catalogue per language (de.ts, en.ts, zh.ts): pages, calendars, feeds,
 * time texts and error pages all read from here, so a translator reviews one file per language.
 */

import type { EventTableColumn } from '../events/events-csv.js';
import type { HolidayKey } from '../holidays/holiday-keys.js';
import type { Audience, EndReason, EventKind, Lang, MembershipStatus, Precision, Role } from '../model.js';
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
    /** Leads the reason a cancelled event gives. */
    readonly cancelReason: string;
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
    /** An event removed for good (a mistake, personal data): the feed says only that. */
    readonly removed: string;
    readonly removedNote: string;
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
  /** The month view, the agenda, search, the embeds and the subscribe box's QR codes. */
  readonly views: {
    /** Names the links between the views of a listing. */
    readonly navigation: string;
    readonly month: string;
    readonly agenda: string;
    readonly search: string;
    readonly members: string;
    readonly previousMonth: string;
    readonly nextMonth: string;
    readonly yearOverview: string;
    /** Heading of the days of a month view's grid (luxon gives the weekday names). */
    readonly weekdays: string;
    /** A day with more events than the grid shows: links to the agenda from that day. */
    readonly more: (count: number) => string;
    /** Events known only to the month (or a span of months) that include it. */
    readonly thisMonth: string;
    readonly noEventsThisMonth: string;
    /** Marks the other country's date where it differs ("in China: 12. Okt."). */
    readonly otherDate: (country: string, date: string) => string;
    readonly today: string;
    readonly filters: string;
    readonly kind: string;
    readonly audience: string;
    readonly anyAudience: string;
    readonly relatedItems: string;
    readonly relatedInclude: string;
    readonly relatedExclude: string;
    readonly relatedOnly: string;
    readonly city: string;
    readonly allCities: string;
    readonly show: string;
    readonly clearFilters: string;
    /** Heading of the subscribe box of a filtered view: the same filters. */
    readonly subscribeView: string;
    readonly agendaFrom: (date: string) => string;
    readonly later: string;
    readonly earlier: string;
    readonly noEvents: string;
    readonly searchLabel: string;
    readonly searchButton: string;
    /** What search matches: titles, descriptions, places and city names in all three languages. */
    readonly searchHint: string;
    readonly searchResults: (query: string) => string;
    /** A search whose every word matches more events than a page can sort: ask for another word. */
    readonly tooBroad: (count: number) => string;
    readonly noResults: string;
    readonly qrCalendar: string;
    readonly qrFeed: string;
    /** WeChat's own browser cannot subscribe: how to get from the code to the phone's calendar. */
    readonly wechatHint: string;
    readonly embedHeading: string;
    readonly embedIntro: string;
    readonly embedCode: string;
    readonly embedAll: string;
    readonly embedNext: string;
  };
  /** The editor of the people who keep the calendar (/editor). */
  readonly editor: {
    readonly title: string;
    readonly signInHeading: string;
    readonly signInIntro: string;
    readonly token: string;
    readonly signIn: string;
    readonly signOut: string;
    readonly signInFailed: string;
    readonly signedInAs: (label: string, role: string) => string;
    readonly roles: Readonly<Record<Role, string>>;
    readonly events: string;
    readonly newEvent: string;
    /** The link to the events spreadsheet (CSV, opens in Excel). */
    readonly download: string;
    readonly editEvent: string;
    readonly noEvents: string;
    readonly edit: string;
    readonly view: string;
    /** Marks a language a text is still missing in. */
    readonly missing: string;
    readonly fields: {
      readonly kind: string;
      readonly title: string;
      readonly description: string;
      readonly location: string;
      readonly cities: string;
      readonly participants: string;
      readonly namesHint: string;
      readonly audience: string;
      readonly notAllianceWide: string;
      readonly related: string;
      readonly status: string;
      readonly confirmed: string;
      readonly tentative: string;
      readonly precision: string;
      readonly precisions: Readonly<Record<Precision, string>>;
      readonly start: string;
      readonly end: string;
      readonly date: string;
      readonly time: string;
      readonly month: string;
      readonly year: string;
      readonly timeZone: string;
      readonly timeZoneHint: string;
      readonly url: string;
      readonly sources: string;
      readonly newSource: string;
      readonly newSourceUrl: string;
      readonly newSourceTitle: string;
    };
    readonly preview: string;
    readonly save: string;
    readonly previewHeading: string;
    readonly previewIntro: string;
    readonly saved: string;
    readonly checkField: string;
    /** A wall time the clocks skip: the nearest valid times before and after. */
    readonly gap: (zone: string, before: string, after: string) => string;
    /** A wall time that occurs twice: which one. */
    readonly fold: (zone: string) => string;
    readonly conflictHeading: string;
    readonly conflictIntro: (actor: string, at: string) => string;
    readonly conflictFields: string;
    readonly reapply: string;
    readonly cancel: string;
    readonly reinstate: string;
    readonly accounts: string;
    readonly label: string;
    readonly role: string;
    readonly language: string;
    readonly accountCities: string;
    readonly createAccount: string;
    readonly tokenOnce: (label: string) => string;
    readonly revoke: string;
    readonly revoked: string;
    readonly notYours: string;
    readonly history: string;
    readonly revision: (n: number) => string;
    /** Who saved a revision, and when. */
    readonly savedBy: (actor: string, at: string) => string;
    readonly changedFields: string;
    readonly restore: string;
    readonly restored: (n: number) => string;
    readonly propose: string;
    readonly proposals: string;
    readonly openProposals: (n: number) => string;
    readonly noProposals: string;
    /** After a city editor's save that became a proposal. */
    readonly proposedNotice: string;
    readonly proposalActions: Readonly<Record<'create' | 'change' | 'cancel', string>>;
    readonly proposalStatuses: Readonly<Record<'open' | 'approved' | 'rejected', string>>;
    readonly proposedBy: (actor: string, at: string) => string;
    readonly decidedBy: (status: string, by: string, at: string) => string;
    readonly approve: string;
    readonly reject: string;
    readonly rejectReason: string;
    readonly fieldColumn: string;
    readonly currentColumn: string;
    readonly proposedColumn: string;
    readonly timeRow: string;
    /** The event changed after the proposal was made: it is not applied over that change. */
    readonly proposalStale: string;
    readonly proposalInvalid: string;
    readonly cancelReason: string;
    readonly purge: string;
    readonly purgeIntro: string;
    readonly purgeConfirm: string;
    readonly purged: string;
    readonly importHeading: string;
    readonly importIntro: string;
    readonly importFile: string;
    readonly importZone: string;
    readonly importCities: string;
    readonly importKind: string;
    readonly importTemplate: string;
    readonly checkImport: string;
    readonly commitImport: string;
    readonly importOutcomes: Readonly<Record<'new' | 'update' | 'unchanged' | 'error', string>>;
    readonly importItem: string;
    readonly importCommitted: (n: number) => string;
    readonly importNothing: string;
    readonly importExpires: (at: string) => string;
    readonly importRecurring: string;
    readonly importProposal: string;
    readonly importNeedsZone: string;
    readonly importCancelled: string;
    readonly cities: string;
    readonly newCity: string;
    readonly editCity: string;
    readonly cityFields: {
      readonly slug: string;
      readonly name: string;
      readonly nameZhUncertain: string;
      readonly aliases: string;
      readonly country: string;
      readonly subdivision: string;
      readonly timeZone: string;
      readonly parent: string;
      readonly note: string;
      readonly memberships: string;
      readonly period: (n: number) => string;
      readonly newPeriod: string;
      readonly status: string;
      readonly from: string;
      readonly to: string;
      readonly endReason: string;
      readonly admittedAt: string;
      readonly none: string;
    };
    readonly cityHistory: string;
  };
  /** The imprint and the privacy notice (GDPR Art. 13), linked from every page. */
  readonly legal: {
    readonly imprint: string;
    readonly privacy: string;
    readonly operator: string;
    readonly contact: string;
    /** When the operator has not set its details (OPERATOR_NAME …). */
    readonly notConfigured: string;
    readonly privacySections: ReadonlyArray<{ readonly heading: string; readonly paragraphs: readonly string[] }>;
  };
  /** Column headers of the events spreadsheet (core/events/events-csv.ts). */
  readonly table: Readonly<Record<EventTableColumn, string>>;
  /** Headings of error pages, by HTTP status class. */
  readonly errors: {
    readonly notFound: string;
    /** An event removed for good. */
    readonly gone: string;
    readonly badRequest: string;
    readonly failed: string;
  };
  /** The members' page: the map and the timeline (/members). */
  readonly members: {
    readonly heading: string;
    readonly intro: string;
    readonly germany: string;
    readonly china: string;
    readonly legendMember: string;
    readonly legendObserver: string;
    readonly legendGuest: string;
    readonly legendFormer: string;
    readonly mapTitle: string;
    readonly mapNote: string;
    /** Cites the gazetteer the coordinates come from. */
    readonly coordinates: (source: string) => string;
    readonly list: string;
    readonly notPlaced: string;
    readonly timeline: string;
    readonly timelineNote: string;
    readonly year: string;
    readonly plenaries: string;
    readonly membersOf: string;
  };
  /** States and provinces by ISO 3166-2 code (`DE-NW`, `CN-GD`). */
  readonly subdivisions: Readonly<Record<string, string>>;
  /** Public holidays and China's shifted working days (core/holidays). */
  readonly holidays: {
    readonly names: Readonly<Record<HolidayKey, string>>;
    /** A holiday where it is kept: "Fronleichnam in Nordrhein-Westfalen". */
    readonly at: (name: string, place: string) => string;
    /** A weekend day made a working day around a holiday (调休). */
    readonly workingDay: (name: string) => string;
    /** Past a country's announced schedule: its shifted working days of that year are not known yet. */
    readonly unknownAfter: (place: string, date: string) => string;
    /** Describes a holiday known by the statutory rule only, before the year's schedule is announced. */
    readonly byRule: string;
    /** Heads the holidays an event falls on. */
    readonly onTheseDays: string;
    /** An overlay calendar's name: "Feiertage in Bayern". */
    readonly calendarName: (place: string) => string;
    /** Heads the links to the overlay calendars. */
    readonly subscribe: string;
    readonly legend: string;
    /** The editor's warning before saving on such a day, and the box that saves anyway. */
    readonly editorWarning: string;
    readonly editorConfirm: string;
  };
}

const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { de, en, zh };

/** The catalogue of a language. */
export function words(lang: Lang): Catalogue {
  return CATALOGUES[lang];
}
