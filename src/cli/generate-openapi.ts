/**
 * @module generate-openapi
 * `npm run generate:openapi`: writes src/http/openapi.json, the OpenAPI document built from the schemas
 * (http/openapi.ts). Run it after changing a schema, a route's parameters or an error code;
 * test/cli/generate-openapi.test.ts fails while the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { openApiDocument } from '../http/openapi.js';
import { isEntryPoint } from './entry-point.js';

export const OPENAPI_FILE = new URL('../http/openapi.json', import.meta.url);

/** The document as the file holds it. */
export function openApiJson(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}

if (isEntryPoint(import.meta.url)) {
  writeFileSync(OPENAPI_FILE, openApiJson());
  console.log(`wrote ${OPENAPI_FILE.pathname}`);
}
