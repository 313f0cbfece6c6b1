import { describe, expect, it } from 'vitest';
import { eventJson } from '../../../src/core/events/event-json.js';
import type { EventRecord } from '../../../src/core/model.js';
import { TEST_CATALOGUE } from '../../fixtures/events.js';

const timed: EventRecord = {
  id: 'example-plenary-2027',
  kind: 'plenary',
  status: 'confirmed',
  audience: 'all',
  related: false,
  revision: 3,
  title: { en: 'Example: plenary assembly', zh: '示例：全体大会' },
  description: {},
  cities: ['foshan'],
  participants: ['solingen', 'koeln'],
  timeZone: 'Asia/Shanghai',
  precision: 'minute',
  start: { value: '2027-10-24T09:00', fold: 0 },
  end: { value: '2027-10-24T17:00', fold: 0 },
  location: 'Foshan, Guangdong',
  url: null,
  sources: [],
  created: '2026-11-23T10:00:00Z',
  updated: '2026-11-23T10:00:00Z',
  cancelledAt: null,
};

describe('eventJson', () => {
  it('gives a wall time in its zone, in UTC and on both sides, labelled in the language', () => {
    const json = eventJson(timed, { lang: 'de', uidDomain: 'example.org', sources: TEST_CATALOGUE, cities: new Map() });
    expect(json).toMatchObject({
      uid: 'example-plenary-2027@example.org',
      allDay: false,
      start: {
        local: '2027-10-24T09:00',
        timeZone: 'Asia/Shanghai',
        utc: '2027-10-24T01:00:00Z',
        offset: '+08:00',
        berlin: { local: '2027-10-24T03:00', offset: '+02:00', abbr: 'MESZ' },
        shanghai: { local: '2027-10-24T09:00', offset: '+08:00', abbr: 'CST' },
      },
      end: { utc: '2027-10-24T09:00:00Z', berlin: { local: '2027-10-24T11:00' } },
    });
    expect(json).not.toHaveProperty('start.display');
  });

  it('falls back requested → en → de → zh and says which language it used', () => {
    expect(eventJson(timed, { lang: 'de', uidDomain: 'x', sources: TEST_CATALOGUE, cities: new Map() })).toMatchObject({
      lang: 'en',
      displayTitle: 'Example: plenary assembly',
    });
    expect(eventJson(timed, { lang: 'zh', uidDomain: 'x', sources: TEST_CATALOGUE, cities: new Map() })).toMatchObject({
      lang: 'zh',
      displayTitle: '示例：全体大会',
    });
    expect(
      eventJson({ ...timed, title: { zh: '只有中文' } }, { lang: 'de', uidDomain: 'x', sources: TEST_CATALOGUE, cities: new Map() }),
    ).toMatchObject({
      lang: 'zh',
    });
  });

  it('adds the reader zone when asked', () => {
    const json = eventJson(timed, {
      lang: 'en',
      uidDomain: 'x',
      sources: TEST_CATALOGUE,
      cities: new Map(),
      displayZone: 'America/New_York',
    });
    expect(json).toMatchObject({ start: { display: { local: '2027-10-23T21:00', offset: '-04:00', timeZone: 'America/New_York' } } });
  });
});
