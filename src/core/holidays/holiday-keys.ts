/**
 * @module holiday-keys
 * The public holidays the tables hold (holiday-table.json), one key each, named in every catalogue. China's
 * and Germany's are apart: the same date is not the same day off (Labour Day is two days in China since 2025).
 */

export const HOLIDAY_COUNTRIES = ['CN', 'DE'] as const;
export type HolidayCountry = (typeof HOLIDAY_COUNTRIES)[number];

export const HOLIDAY_KEYS = [
  'cn-new-year',
  'cn-spring-festival',
  'cn-qingming',
  'cn-labour-day',
  'cn-dragon-boat',
  'cn-mid-autumn',
  'cn-national-day',
  'cn-victory-day',
  'de-new-year',
  'de-epiphany',
  'de-womens-day',
  'de-good-friday',
  'de-easter-sunday',
  'de-easter-monday',
  'de-labour-day',
  'de-ascension',
  'de-whit-sunday',
  'de-whit-monday',
  'de-corpus-christi',
  'de-assumption',
  'de-childrens-day',
  'de-liberation-day',
  'de-uprising-1953',
  'de-unity-day',
  'de-reformation-day',
  'de-all-saints',
  'de-repentance-day',
  'de-christmas-day',
  'de-boxing-day',
] as const;
export type HolidayKey = (typeof HOLIDAY_KEYS)[number];

/** The 16 German states (ISO 3166-2), each with its own overlay calendar. */
export const GERMAN_STATES = [
  'DE-BB',
  'DE-BE',
  'DE-BW',
  'DE-BY',
  'DE-HB',
  'DE-HE',
  'DE-HH',
  'DE-MV',
  'DE-NI',
  'DE-NW',
  'DE-RP',
  'DE-SH',
  'DE-SL',
  'DE-SN',
  'DE-ST',
  'DE-TH',
] as const;
