/**
 * @module routes/openapi
 * `GET /api/v1/openapi.json`: the OpenAPI 3.1 description, generated from the validation schemas.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { openApiDocument } from '../openapi.js';
import { jsonResponse } from '../responses.js';

export const openApiRoutes = new Hono<AppEnv>().get('/api/v1/openapi.json', (c) =>
  jsonResponse(openApiDocument(c.get('deps').config.publicUrl)),
);
