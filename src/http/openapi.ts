/**
 * @module openapi
 * The OpenAPI 3.1 description of the API, generated from the schemas the code works with: request bodies
 * from the input schema (event-input.ts), query parameters from the query schemas (query-schemas.ts),
 * responses from the read schemas (core/api/read-schemas.ts), errors from the closed code table. Built when
 * the schemas change (`npm run generate:openapi` writes openapi.json), not in the Worker: zod's JSON Schema
 * writer and this module were 13 KiB of its bundle. Served at `GET /api/v1/openapi.json` (openapi-served.ts);
 * `npm test` lints it with Redocly's recommended rules and fails while openapi.json is out of date.
 */
import * as z from 'zod/mini';
import {
  changeSchema,
  citySchema,
  dryRunSchema,
  eventSchema,
  healthSchema,
  listOf,
  pageOf,
  proposalSchema,
  sourceSchema,
} from '../core/api/read-schemas.js';
import { EVENT_KINDS, LANGS } from '../core/model.js';
import { cancelInputSchema, eventInputSchema, rejectInputSchema } from '../writing/event-input.js';
import { ERROR_STATUS } from './errors.js';
import { changesQuery, documentQuery, eventListQuery, eventQuery, eventsCsvQuery, importQuery, langQuery } from './query-schemas.js';
import { MAX_BODY_BYTES } from './routes/event-writes.js';
import { MAX_IMPORT_BYTES } from './routes/imports.js';

type JsonSchema = Record<string, unknown>;

/** A schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), without the `$schema` line. */
function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output' = 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

interface Parameter {
  readonly name: string;
  readonly in: 'query' | 'path' | 'header';
  readonly required: boolean;
  readonly description: string;
  readonly schema: JsonSchema;
}

/** The query parameters of a query schema, one per property, with the descriptions the schema carries. */
function queryParameters(schema: z.ZodMiniObject): Parameter[] {
  const { properties = {}, required = [] } = jsonSchema(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, property]) => {
    const { description = '', ...rest } = property as { description?: string };
    return { name, in: 'query', required: required.includes(name), description, schema: rest };
  });
}

const pathParameter = (name: string, description: string): Parameter => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
const headerParameter = (name: string, description: string, required: boolean): Parameter => ({
  name,
  in: 'header',
  required,
  description,
  schema: { type: 'string' },
});

const ID = pathParameter('id', 'Event id.');
const PROPOSAL_ID = pathParameter('id', 'Proposal id (from the Location of a 202).');
const IMPORT_ID = pathParameter('id', 'Import id (from the dry run).');
const CITY = pathParameter('city', 'Any known name or alias of a city, in any language (Köln, Cologne, 科隆, koeln).');

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });

/** The answer of a write a city editor may not make directly. */
const PROPOSED = {
  description: 'Stored as a proposal for the secretariat; nothing public changed',
  headers: { Location: { description: '/api/v1/proposals/{id}', schema: { type: 'string' } } },
  content: json(ref('Proposal')),
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `field` names the parameter or member at fault',
  401: 'Missing or wrong bearer token',
  403: 'Writes are disabled, or the role may never take this action (forbidden)',
  404: 'Unknown city, event, proposal or import',
  409: 'An event of the import changed since its dry run (import_stale)',
  410: 'The event was purged, or the dry run expired (gone)',
  405: 'Method not allowed',
  412: 'The revision in If-Match is not the current one',
  413: 'Body larger than allowed',
  415: 'Body not sent as JSON',
  428: 'If-Match is required',
  429: 'Too many requests; see Retry-After',
  500: 'Internal error',
  503: 'The database does not answer',
};

/** Error responses in the one envelope. */
function errors(...statuses: number[]): Record<string, object> {
  return Object.fromEntries(
    statuses.map((status) => [String(status), { description: ERROR_DESCRIPTIONS[status] ?? 'Error', content: json(ref('Error')) }]),
  );
}

const VALIDATORS = {
  ETag: { description: 'Strong validator of this representation.', schema: { type: 'string' } },
  'Last-Modified': { description: 'When the data it shows last changed.', schema: { type: 'string' } },
};

const NOT_MODIFIED = { description: 'Not modified (If-None-Match / If-Modified-Since)', headers: VALIDATORS };

/** A document response (calendar, feed, OPML): text of a media type, with validators. */
function document(type: string, description: string) {
  return { description, headers: VALIDATORS, content: { [type]: { schema: { type: 'string' } } } };
}

const FEED_TYPES = { rss: 'application/rss+xml', atom: 'application/atom+xml', json: 'application/feed+json' } as const;
const FEED_NAMES = { rss: 'RSS 2.0', atom: 'Atom 1.0', json: 'JSON Feed 1.1' } as const;

/** The origin in the built document; openapi-served.ts puts the deployment's public URL in its place. */
export const ORIGIN_PLACEHOLDER = 'https://origin.invalid';

/** The OpenAPI document, with ORIGIN_PLACEHOLDER for the deployment's origin. */
export function openApiDocument(): Record<string, unknown> {
  const publicUrl = ORIGIN_PLACEHOLDER;
  const documentParameters = queryParameters(documentQuery);
  const fileNames = `Also served under file-style names, <stem>[.<kind>[+<kind>…]][.<lang>].<ext> (${LANGS.join(', ')}; kinds ${EVENT_KINDS.join(', ')}).`;
  const feedPaths = Object.fromEntries(
    (['rss', 'atom', 'json'] as const).flatMap((format) => [
      [
        `/feed.${format}`,
        {
          get: {
            operationId: `allEventsFeed${format[0]?.toUpperCase()}${format.slice(1)}`,
            tags: ['Feeds'],
            summary: `All events (${FEED_NAMES[format]})`,
            description: fileNames,
            parameters: documentParameters,
            responses: { 200: document(FEED_TYPES[format], 'The feed'), 304: NOT_MODIFIED, ...errors(400) },
          },
        },
      ],
      [
        `/cities/{city}/feed.${format}`,
        {
          get: {
            operationId: `cityFeed${format[0]?.toUpperCase()}${format.slice(1)}`,
            tags: ['Feeds'],
            summary: `A city's events (${FEED_NAMES[format]})`,
            description: fileNames,
            parameters: [CITY, ...documentParameters],
            responses: { 200: document(FEED_TYPES[format], 'The feed'), 304: NOT_MODIFIED, ...errors(400, 404) },
          },
        },
      ],
    ]),
  );

  const doc = {
    openapi: '3.1.0',
    info: {
      title: 'ISA calendar API',
      version: '1',
      description:
        'Events of the Chinese-German Industrial Cities Alliance. Times are wall times in an IANA zone, shown on both sides (Europe/Berlin, Asia/Shanghai). "CST" is China Standard Time. Every error is {"error": {status, code, message, field?}}, with codes from one closed table.',
      license: { name: 'Proprietary; the data cites its sources', url: `${publicUrl}/api/v1/sources` },
    },
    servers: [{ url: publicUrl }],
    tags: [
      { name: 'Events', description: 'Events as JSON, read and written.' },
      { name: 'Cities', description: 'Member cities and venues.' },
      { name: 'Sources', description: 'The source catalogue events cite.' },
      { name: 'Editing', description: 'Proposals of city editors and imports from files.' },
      { name: 'Calendars', description: 'iCalendar subscriptions and downloads.' },
      { name: 'Feeds', description: 'RSS, Atom and JSON Feed.' },
      { name: 'Service', description: 'Health and this description.' },
    ],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A personal token of an account (the secretariat creates them in /editor), or ADMIN_TOKEN / ADMIN_TOKENS; none at all → 403 writes_disabled.',
        },
      },
      schemas: {
        EventInput: jsonSchema(eventInputSchema, 'input'),
        EventPatch: {
          description: `A JSON merge patch (RFC 7396) of EventInput: members replace, null removes; the merged event must be a valid EventInput. "status": "confirmed" reinstates a cancelled event. Body at most ${MAX_BODY_BYTES} bytes.`,
          type: 'object',
        },
        CancelInput: jsonSchema(cancelInputSchema, 'input'),
        RejectInput: jsonSchema(rejectInputSchema, 'input'),
        Proposal: jsonSchema(proposalSchema),
        ProposalList: jsonSchema(listOf(proposalSchema)),
        DryRun: jsonSchema(dryRunSchema),
        Event: jsonSchema(eventSchema),
        EventPage: jsonSchema(pageOf(eventSchema)),
        City: jsonSchema(citySchema),
        CityList: jsonSchema(listOf(citySchema)),
        SourceList: jsonSchema(listOf(sourceSchema)),
        ChangePage: jsonSchema(pageOf(changeSchema)),
        Health: jsonSchema(healthSchema),
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['status', 'code', 'message'],
              properties: {
                status: { type: 'integer', description: 'The HTTP status, repeated.' },
                code: { type: 'string', enum: Object.keys(ERROR_STATUS), description: 'One of a closed table; each maps to one status.' },
                message: { type: 'string', description: 'What is wrong, in English.' },
                field: { type: 'string', description: 'Dotted path of the field at fault: start, title.zh, query.from, headers.if-match.' },
              },
            },
          },
        },
      },
    },
    paths: {
      '/healthz': {
        get: {
          operationId: 'health',
          tags: ['Service'],
          summary: 'Health: the database answers',
          responses: {
            200: { description: 'The database answers', content: json(ref('Health')) },
            503: {
              description: 'Writes fail (writes: failing), or the database does not answer (error envelope)',
              content: json({ oneOf: [ref('Health'), ref('Error')] }),
            },
            ...errors(400),
          },
        },
      },
      '/api/v1/cities': {
        get: {
          operationId: 'listCities',
          tags: ['Cities'],
          summary: 'All cities: German members, Chinese members, venues',
          parameters: queryParameters(langQuery),
          responses: { 200: { description: 'The cities', content: json(ref('CityList')) }, ...errors(400) },
        },
      },
      '/api/v1/cities/{city}': {
        get: {
          operationId: 'getCity',
          tags: ['Cities'],
          summary: 'One city, by any of its names',
          parameters: [CITY, ...queryParameters(langQuery)],
          responses: { 200: { description: 'The city', content: json(ref('City')) }, ...errors(400, 404) },
        },
      },
      '/api/v1/sources': {
        get: {
          operationId: 'listSources',
          tags: ['Sources'],
          summary: 'The source catalogue',
          responses: { 200: { description: 'Every entry', content: json(ref('SourceList')) }, ...errors(400) },
        },
      },
      '/api/v1/events': {
        get: {
          operationId: 'listEvents',
          tags: ['Events'],
          summary: 'Events ordered by their earliest possible instant',
          parameters: queryParameters(eventListQuery),
          responses: { 200: { description: 'One page of events', content: json(ref('EventPage')) }, ...errors(400, 404) },
        },
        post: {
          operationId: 'createEvent',
          tags: ['Events'],
          summary: 'Create an event',
          security: [{ bearer: [] }],
          requestBody: { required: true, content: json(ref('EventInput')) },
          responses: {
            201: {
              description: 'Created',
              headers: {
                Location: { description: 'The new event.', schema: { type: 'string' } },
                ETag: { description: '"r1"', schema: { type: 'string' } },
              },
              content: json(ref('Event')),
            },
            202: PROPOSED,
            ...errors(400, 401, 403, 413, 415, 429),
          },
        },
      },
      '/api/v1/events.csv': {
        get: {
          operationId: 'exportEvents',
          tags: ['Events'],
          summary: 'Every event (or a city’s) as a spreadsheet in the import template (UTF-8 with BOM, CRLF)',
          parameters: queryParameters(eventsCsvQuery),
          responses: {
            200: { description: 'CSV, headers in the chosen language', content: { 'text/csv': { schema: { type: 'string' } } } },
            ...errors(400, 404),
          },
        },
      },
      '/api/v1/events/{id}': {
        get: {
          operationId: 'getEvent',
          tags: ['Events'],
          summary: 'One event, with ETag "r<revision>"',
          parameters: [ID, ...queryParameters(eventQuery)],
          responses: {
            200: { description: 'The event', headers: VALIDATORS, content: json(ref('Event')) },
            304: NOT_MODIFIED,
            ...errors(400, 404),
          },
        },
        patch: {
          operationId: 'changeEvent',
          tags: ['Events'],
          summary: 'Change an event (JSON merge patch)',
          security: [{ bearer: [] }],
          parameters: [ID, headerParameter('If-Match', 'The ETag of the revision being changed (strong comparison).', true)],
          requestBody: {
            required: true,
            content: { 'application/merge-patch+json': { schema: ref('EventPatch') }, 'application/json': { schema: ref('EventPatch') } },
          },
          responses: {
            200: { description: 'Changed; the new ETag', content: json(ref('Event')) },
            202: PROPOSED,
            ...errors(400, 401, 403, 404, 410, 412, 413, 415, 428, 429),
          },
        },
        delete: {
          operationId: 'cancelEvent',
          tags: ['Events'],
          summary: 'Cancel an event (it stays visible as cancelled, with the reason given; nothing is erased)',
          security: [{ bearer: [] }],
          parameters: [ID, headerParameter('If-Match', 'Optional: the ETag of the revision being cancelled.', false)],
          requestBody: { required: false, content: json(ref('CancelInput')) },
          responses: {
            200: { description: 'Cancelled', content: json(ref('Event')) },
            202: PROPOSED,
            ...errors(400, 401, 403, 404, 410, 412, 429),
          },
        },
      },
      '/api/v1/events/{id}/purge': {
        post: {
          operationId: 'purgeEvent',
          tags: ['Events'],
          summary: 'Remove an event for good (secretariat only): it leaves every output; the history keeps that it was purged',
          security: [{ bearer: [] }],
          parameters: [ID, headerParameter('If-Match', 'The ETag of the current revision.', true)],
          responses: { 204: { description: 'Purged; a later GET answers 410' }, ...errors(401, 403, 404, 410, 412, 428, 429) },
        },
      },
      '/api/v1/proposals': {
        get: {
          operationId: 'listProposals',
          tags: ['Editing'],
          summary: 'Proposals: all for the secretariat, their own for a city editor; open ones first',
          security: [{ bearer: [] }],
          responses: { 200: { description: 'The proposals', content: json(ref('ProposalList')) }, ...errors(401, 403, 429) },
        },
      },
      '/api/v1/proposals/{id}': {
        get: {
          operationId: 'getProposal',
          tags: ['Editing'],
          summary: 'One proposal, with the event input proposed and the decision',
          security: [{ bearer: [] }],
          parameters: [PROPOSAL_ID],
          responses: { 200: { description: 'The proposal', content: json(ref('Proposal')) }, ...errors(401, 403, 404, 429) },
        },
      },
      '/api/v1/proposals/{id}/approve': {
        post: {
          operationId: 'approveProposal',
          tags: ['Editing'],
          summary: 'Approve (secretariat): applies the write, recorded as the proposer’s approved by the secretariat',
          security: [{ bearer: [] }],
          parameters: [PROPOSAL_ID],
          responses: {
            200: { description: 'Approved; the proposal and the event written', content: json({ type: 'object' }) },
            ...errors(401, 403, 404, 412, 429),
          },
        },
      },
      '/api/v1/proposals/{id}/reject': {
        post: {
          operationId: 'rejectProposal',
          tags: ['Editing'],
          summary: 'Reject (secretariat) with a reason the proposer sees',
          security: [{ bearer: [] }],
          parameters: [PROPOSAL_ID],
          requestBody: { required: true, content: json(ref('RejectInput')) },
          responses: { 200: { description: 'Rejected', content: json(ref('Proposal')) }, ...errors(400, 401, 403, 404, 412, 415, 429) },
        },
      },
      '/api/v1/imports': {
        post: {
          operationId: 'importFile',
          tags: ['Editing'],
          summary: 'Dry run of an import: each item as new, update, unchanged or error, stored for 24 hours',
          description: `An iCalendar file (Outlook, Google, Apple; Windows zone names are mapped by CLDR's table; recurring events are refused) or a CSV in the template of GET /api/v1/events.csv. At most ${MAX_IMPORT_BYTES} bytes.`,
          security: [{ bearer: [] }],
          parameters: queryParameters(importQuery),
          requestBody: {
            required: true,
            content: { 'text/calendar': { schema: { type: 'string' } }, 'text/csv': { schema: { type: 'string' } } },
          },
          responses: { 200: { description: 'The dry run', content: json(ref('DryRun')) }, ...errors(400, 401, 403, 413, 415, 429) },
        },
      },
      '/api/v1/imports/{id}': {
        get: {
          operationId: 'getImport',
          tags: ['Editing'],
          summary: 'A stored dry run',
          security: [{ bearer: [] }],
          parameters: [IMPORT_ID],
          responses: { 200: { description: 'The dry run', content: json(ref('DryRun')) }, ...errors(401, 404, 429) },
        },
      },
      '/api/v1/imports/{id}/commit': {
        post: {
          operationId: 'commitImport',
          tags: ['Editing'],
          summary: 'Commit a dry run: its new and updated items in one atomic write (a second commit changes nothing)',
          security: [{ bearer: [] }],
          parameters: [IMPORT_ID],
          responses: { 200: { description: 'The outcomes applied', content: json(ref('DryRun')) }, ...errors(401, 404, 409, 410, 429) },
        },
      },
      '/api/v1/changes': {
        get: {
          operationId: 'listChanges',
          tags: ['Events'],
          summary: 'Created, moved, changed, cancelled and reinstated events since an instant, with times before and after',
          parameters: queryParameters(changesQuery),
          responses: { 200: { description: 'One page of changes, oldest first', content: json(ref('ChangePage')) }, ...errors(400) },
        },
      },
      '/calendar.ics': {
        get: {
          operationId: 'allEventsCalendar',
          tags: ['Calendars'],
          summary: 'Every event known to the day or minute (iCalendar)',
          description: fileNames,
          parameters: documentParameters,
          responses: { 200: document('text/calendar', 'VCALENDAR'), 304: NOT_MODIFIED, ...errors(400) },
        },
      },
      '/cities/{city}/calendar.ics': {
        get: {
          operationId: 'cityCalendar',
          tags: ['Calendars'],
          summary: "A city's calendar",
          description: fileNames,
          parameters: [CITY, ...documentParameters],
          responses: { 200: document('text/calendar', 'VCALENDAR'), 304: NOT_MODIFIED, ...errors(400, 404) },
        },
      },
      '/events/{id}.ics': {
        get: {
          operationId: 'eventCalendar',
          tags: ['Calendars'],
          summary: 'One event as a download',
          parameters: [ID, ...queryParameters(langQuery)],
          responses: { 200: document('text/calendar', 'VCALENDAR with one VEVENT'), 304: NOT_MODIFIED, ...errors(400, 404) },
        },
      },
      ...feedPaths,
      '/changes.atom': {
        get: {
          operationId: 'changesFeed',
          tags: ['Feeds'],
          summary: 'The latest changes (Atom)',
          parameters: queryParameters(langQuery),
          responses: { 200: document('application/atom+xml', 'The feed'), 304: NOT_MODIFIED, ...errors(400) },
        },
      },
      '/feeds.opml': {
        get: {
          operationId: 'feedList',
          tags: ['Feeds'],
          summary: 'Every feed (OPML)',
          parameters: queryParameters(langQuery),
          responses: { 200: document('text/x-opml', 'OPML 2.0'), 304: NOT_MODIFIED, ...errors(400) },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'openApi',
          tags: ['Service'],
          summary: 'This document',
          responses: { 200: { description: 'OpenAPI 3.1', content: json({ type: 'object' }) }, ...errors(400) },
        },
      },
    },
  };
  // Reads need no credentials: said explicitly per operation (OpenAPI §4.8.10.1, an empty list means none).
  for (const operations of Object.values(doc.paths) as Array<Record<string, { security?: unknown[] }>>) {
    for (const operation of Object.values(operations)) operation.security ??= [];
  }
  return doc;
}
