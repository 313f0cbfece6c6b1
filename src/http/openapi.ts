/**
 * @module openapi
 * The OpenAPI 3.1 description of the API, generated from the same zod schemas that validate requests
 * (z.toJSONSchema), plus the routes and their error envelope. Served at `GET /api/v1/openapi.json`.
 */
import * as z from 'zod/mini';
import { EVENT_KINDS, LANGS } from '../core/model.js';
import { ERROR_STATUS } from './errors.js';
import { eventInputSchema } from './event-input.js';
import { MAX_BODY_BYTES } from './routes/event-writes.js';

const schema = (s: z.ZodMiniType) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schemaRef: object) => ({ 'application/json': { schema: schemaRef } });
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [String(status), { description: 'Error', content: json(ref('Error')) }]));
const param = (
  name: string,
  where: 'query' | 'path' | 'header',
  description: string,
  required = false,
  s: object = { type: 'string' },
) => ({
  name,
  in: where,
  required,
  description,
  schema: s,
});

const LANG = param('lang', 'query', 'Language: de (default), en, zh; text falls back requested → en → de → zh.', false, {
  type: 'string',
  enum: LANGS,
});
const KIND = param('kind', 'query', `Kinds, comma-separated: ${EVENT_KINDS.join(', ')}.`);
const ID = param('id', 'path', 'Event id.', true);
const CITY = param('city', 'path', 'Any known name or alias of a city, in any language (Köln, Cologne, 科隆, koeln).', true);
const document = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: { type: 'string' } } },
  headers: { ETag: { schema: { type: 'string' } } },
});

/** The OpenAPI document for a deployment. */
export function openApiDocument(publicUrl: string): Record<string, unknown> {
  const eventInput = schema(eventInputSchema);
  return {
    openapi: '3.1.0',
    info: {
      title: 'ISA calendar API',
      version: '1',
      description:
        'Events of the Chinese-German Industrial Cities Alliance. Times are wall times in an IANA zone, shown on both sides (Europe/Berlin, Asia/Shanghai). "CST" is China Standard Time. Every error is {"error": {status, code, message, field?}}.',
    },
    servers: [{ url: publicUrl }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN / ADMIN_TOKENS; none configured → 403 writes_disabled.' },
      },
      schemas: {
        EventInput: eventInput,
        EventPatch: {
          description: `A JSON merge patch (RFC 7396) of EventInput: members replace, null removes; the merged event must be a valid EventInput. "status": "confirmed" reinstates a cancelled event. Body at most ${MAX_BODY_BYTES} bytes.`,
          type: 'object',
        },
        Event: { type: 'object', description: 'An event as read (see interface.md, "Event JSON (reads)").' },
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['status', 'code', 'message'],
              properties: {
                status: { type: 'integer' },
                code: { type: 'string', enum: Object.keys(ERROR_STATUS) },
                message: { type: 'string' },
                field: { type: 'string', description: 'Dotted path of the field at fault: start, title.zh, query.from, headers.if-match.' },
              },
            },
          },
        },
      },
    },
    paths: {
      '/healthz': { get: { summary: 'Health', responses: { 200: { description: '{"ok": true}' }, ...errors(500) } } },
      '/api/v1/cities': { get: { summary: 'All cities', parameters: [LANG], responses: { 200: { description: '{"items": [...]}' } } } },
      '/api/v1/cities/{city}': {
        get: { summary: 'One city', parameters: [CITY, LANG], responses: { 200: { description: 'City' }, ...errors(404) } },
      },
      '/api/v1/events': {
        get: {
          summary: 'Events ordered by their earliest possible instant',
          parameters: [
            param(
              'city',
              'query',
              'A city (any spelling): its venue and participant events, and alliance-wide events from its membership on.',
            ),
            KIND,
            param(
              'from',
              'query',
              'RFC 3339 instant or date (whole day in tz, else the city zone, else UTC); events overlapping [from, to]. Default: now.',
            ),
            param('to', 'query', 'RFC 3339 instant or date (inclusive).'),
            param('tz', 'query', 'IANA zone or alias (CET, MESZ, CST, Beijing Time …) for bare dates and an extra display time.'),
            LANG,
            param('limit', 'query', '1–500, default 50.', false, { type: 'integer', minimum: 1, maximum: 500 }),
            param('cursor', 'query', 'Opaque cursor from `next`.'),
          ],
          responses: { 200: { description: '{"items": [Event], "next": cursor | null}' }, ...errors(400, 404) },
        },
        post: {
          summary: 'Create an event',
          security: [{ bearer: [] }],
          requestBody: { required: true, content: json(ref('EventInput')) },
          responses: {
            201: { description: 'Created; Location and ETag "r1"', content: json(ref('Event')) },
            ...errors(400, 401, 403, 413, 415, 429),
          },
        },
      },
      '/api/v1/events/{id}': {
        get: {
          summary: 'One event, ETag "r<revision>"',
          parameters: [ID, LANG],
          responses: { 200: { description: 'Event', content: json(ref('Event')) }, 304: { description: 'Not modified' }, ...errors(404) },
        },
        patch: {
          summary: 'Change an event (JSON merge patch)',
          security: [{ bearer: [] }],
          parameters: [ID, param('If-Match', 'header', 'The ETag of the revision being changed.', true)],
          requestBody: {
            required: true,
            content: { 'application/merge-patch+json': { schema: ref('EventPatch') }, 'application/json': { schema: ref('EventPatch') } },
          },
          responses: {
            200: { description: 'Changed; new ETag', content: json(ref('Event')) },
            ...errors(400, 401, 403, 404, 412, 413, 415, 428, 429),
          },
        },
        delete: {
          summary: 'Cancel an event (it stays visible as cancelled; nothing is erased)',
          security: [{ bearer: [] }],
          parameters: [ID, param('If-Match', 'header', 'Optional: the ETag of the revision being cancelled.')],
          responses: { 200: { description: 'Cancelled', content: json(ref('Event')) }, ...errors(401, 403, 404, 412, 429) },
        },
      },
      '/api/v1/changes': {
        get: {
          summary: 'Created, moved, changed, cancelled and reinstated events since an instant, with times before and after',
          parameters: [
            param('since', 'query', 'RFC 3339 instant or date (UTC).'),
            LANG,
            param('limit', 'query', '1–500, default 100.'),
            param('cursor', 'query', 'From `next`.'),
          ],
          responses: { 200: { description: '{"items": [...], "next": cursor | null}' }, ...errors(400) },
        },
      },
      '/calendar.ics': {
        get: {
          summary: 'Every event known to the day or minute (iCalendar)',
          parameters: [KIND, LANG],
          responses: { 200: document('text/calendar', 'VCALENDAR'), 304: { description: 'Not modified' }, ...errors(400) },
        },
      },
      '/cities/{city}/calendar.ics': {
        get: {
          summary: "A city's calendar",
          parameters: [CITY, KIND, LANG],
          responses: { 200: document('text/calendar', 'VCALENDAR'), ...errors(400, 404) },
        },
      },
      '/events/{id}.ics': {
        get: {
          summary: 'One event as a download',
          parameters: [ID, LANG],
          responses: { 200: document('text/calendar', 'VCALENDAR'), ...errors(404) },
        },
      },
      ...Object.fromEntries(
        (['rss', 'atom', 'json'] as const).flatMap((format) => {
          const type = { rss: 'application/rss+xml', atom: 'application/atom+xml', json: 'application/feed+json' }[format];
          return [
            [
              `/feed.${format}`,
              {
                get: {
                  summary: `All events (${format})`,
                  parameters: [KIND, LANG],
                  responses: { 200: document(type, 'Feed'), ...errors(400) },
                },
              },
            ],
            [
              `/cities/{city}/feed.${format}`,
              {
                get: {
                  summary: `A city's events (${format})`,
                  parameters: [CITY, KIND, LANG],
                  responses: { 200: document(type, 'Feed'), ...errors(400, 404) },
                },
              },
            ],
          ];
        }),
      ),
      '/changes.atom': {
        get: { summary: 'The latest changes (Atom)', parameters: [LANG], responses: { 200: document('application/atom+xml', 'Feed') } },
      },
      '/feeds.opml': { get: { summary: 'Every feed (OPML)', parameters: [LANG], responses: { 200: document('text/x-opml', 'OPML') } } },
      '/api/v1/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
    },
  };
}
