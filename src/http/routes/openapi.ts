/**
 * @module routes/openapi
 * `GET /api/v1/openapi.json`: the OpenAPI 3.1 description, built from the validation schemas (openapi-served.ts).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { servedOpenApi } from '../openapi-served.js';
import { jsonResponse } from '../responses.js';

export const openApiRoutes = new Hono<AppEnv>().get('/api/v1/openapi.json', (c) =>
  jsonResponse(servedOpenApi(c.get('deps').config.publicUrl)),
);
