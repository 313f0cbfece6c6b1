/**
 * @module views/words
 * The words of the web pages in German, English and Chinese.
 */
import type { Lang } from '../../core/model.js';

export interface PageWords {
  readonly siteTitle: string;
  readonly tagline: string;
  readonly upcoming: string;
  readonly recent: string;
  readonly noUpcoming: string;
  readonly cities: string;
  readonly germanMembers: string;
  readonly chineseMembers: string;
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
  readonly cancelled: string;
  readonly tentative: string;
  readonly where: string;
  readonly participants: string;
  readonly source: string;
  readonly download: string;
  readonly addGoogle: string;
  readonly addOutlook: string;
  readonly noCalendarEntry: string;
  readonly language: string;
  readonly help: string;
  readonly helpItems: readonly string[];
  readonly back: string;
  readonly notFound: string;
  readonly memberSince: string;
  readonly skip: string;
}

export const PAGE_WORDS: Record<Lang, PageWords> = {
  de: {
    siteTitle: 'ISA-Kalender',
    tagline: 'Termine der Chinesisch-Deutschen Industriestädteallianz — jede Zeit in Deutschland und in China',
    upcoming: 'Demnächst',
    recent: 'Zuletzt',
    noUpcoming: 'Zurzeit sind keine Termine angekündigt.',
    cities: 'Städte',
    germanMembers: 'Deutsche Mitglieder',
    chineseMembers: 'Chinesische Mitglieder',
    venues: 'Weitere Veranstaltungsorte',
    subscribe: 'Abonnieren',
    subscribeIntro: 'Ein Abo aktualisiert sich selbst; ein Download ist eine einmalige Kopie.',
    webcal: 'Outlook (Desktop) / Apple Kalender',
    outlookCom: 'Outlook.com',
    office365: 'Microsoft 365',
    google: 'Google Kalender',
    copyUrl: 'Kalender-Adresse',
    copy: 'Kopieren',
    copied: 'Kopiert',
    feeds: 'Feeds',
    cancelled: 'Abgesagt',
    tentative: 'Vorläufig',
    where: 'Ort',
    participants: 'Beteiligte Städte',
    source: 'Quelle',
    download: 'Termin herunterladen (.ics)',
    addGoogle: 'In Google Kalender eintragen',
    addOutlook: 'In Outlook.com eintragen',
    noCalendarEntry: 'Dieser Termin ist nur auf den Monat oder das Jahr genau bekannt und steht daher in keinem Kalender.',
    language: 'Sprache',
    help: 'Hilfe zum Abonnieren',
    helpItems: [
      'Outlook (Desktop): „webcal://“-Link anklicken oder unter Kalender → Kalender hinzufügen → Aus dem Internet die https-Adresse einfügen.',
      'Outlook.com und das neue Outlook: Link „Outlook.com“ oder „Microsoft 365“ öffnen und bestätigen.',
      'Google Kalender: Link „Google Kalender“ öffnen; oder Andere Kalender → Per URL die https-Adresse einfügen.',
      'Apple Kalender (Mac, iPhone): den „webcal://“-Link öffnen.',
      'Abonnierte Kalender werden vom Programm selbst aktualisiert: Google etwa alle 12–24 Stunden, Outlook alle paar Stunden. Ein heruntergeladener Termin (.ics) wird dagegen nie aktualisiert.',
    ],
    back: 'Zur Übersicht',
    notFound: 'Nicht gefunden',
    memberSince: 'Mitglied seit',
    skip: 'Zum Inhalt',
  },
  en: {
    siteTitle: 'ISA calendar',
    tagline: 'Events of the Chinese-German Industrial Cities Alliance — every time in Germany and in China',
    upcoming: 'Coming up',
    recent: 'Recently',
    noUpcoming: 'No events are announced at the moment.',
    cities: 'Cities',
    germanMembers: 'German members',
    chineseMembers: 'Chinese members',
    venues: 'Other venues',
    subscribe: 'Subscribe',
    subscribeIntro: 'A subscription keeps itself up to date; a download is a one-off copy.',
    webcal: 'Outlook (desktop) / Apple Calendar',
    outlookCom: 'Outlook.com',
    office365: 'Microsoft 365',
    google: 'Google Calendar',
    copyUrl: 'Calendar address',
    copy: 'Copy',
    copied: 'Copied',
    feeds: 'Feeds',
    cancelled: 'Cancelled',
    tentative: 'Tentative',
    where: 'Place',
    participants: 'Cities taking part',
    source: 'Source',
    download: 'Download event (.ics)',
    addGoogle: 'Add to Google Calendar',
    addOutlook: 'Add to Outlook.com',
    noCalendarEntry: 'This event is known only to the month or year, so it is in no calendar.',
    language: 'Language',
    help: 'How to subscribe',
    helpItems: [
      'Outlook (desktop): click the "webcal://" link, or Calendar → Add calendar → From internet and paste the https address.',
      'Outlook.com and the new Outlook: open the "Outlook.com" or "Microsoft 365" link and confirm.',
      'Google Calendar: open the "Google Calendar" link, or Other calendars → From URL and paste the https address.',
      'Apple Calendar (Mac, iPhone): open the "webcal://" link.',
      'Subscribed calendars are refreshed by the calendar app on its own schedule: Google roughly every 12–24 hours, Outlook every few hours. A downloaded event (.ics) is never updated.',
    ],
    back: 'Back to the overview',
    notFound: 'Not found',
    memberSince: 'Member since',
    skip: 'Skip to content',
  },
  zh: {
    siteTitle: 'ISA 日历',
    tagline: '中德工业城市联盟活动——每个时间都同时显示德国时间和中国时间',
    upcoming: '即将举行',
    recent: '近期活动',
    noUpcoming: '目前没有已公布的活动。',
    cities: '城市',
    germanMembers: '德国成员城市',
    chineseMembers: '中国成员城市',
    venues: '其他举办地',
    subscribe: '订阅',
    subscribeIntro: '订阅会自动更新；下载只是一次性副本。',
    webcal: 'Outlook（桌面版）/ Apple 日历',
    outlookCom: 'Outlook.com',
    office365: 'Microsoft 365',
    google: 'Google 日历',
    copyUrl: '日历地址',
    copy: '复制',
    copied: '已复制',
    feeds: '订阅源',
    cancelled: '已取消',
    tentative: '待定',
    where: '地点',
    participants: '参与城市',
    source: '来源',
    download: '下载活动（.ics）',
    addGoogle: '添加到 Google 日历',
    addOutlook: '添加到 Outlook.com',
    noCalendarEntry: '此活动只知道月份或年份，因此不在任何日历中。',
    language: '语言',
    help: '订阅帮助',
    helpItems: [
      'Outlook（桌面版）：点击“webcal://”链接，或在日历 → 添加日历 → 从 Internet 中粘贴 https 地址。',
      'Outlook.com 和新版 Outlook：打开“Outlook.com”或“Microsoft 365”链接并确认。',
      'Google 日历：打开“Google 日历”链接，或在“其他日历 → 通过网址添加”中粘贴 https 地址。',
      'Apple 日历（Mac、iPhone）：打开“webcal://”链接。',
      '订阅的日历由日历软件按自己的周期刷新：Google 大约每 12–24 小时，Outlook 每隔几小时。下载的活动（.ics）则不会更新。',
    ],
    back: '返回总览',
    notFound: '未找到',
    memberSince: '成员自',
    skip: '跳到正文',
  },
};
