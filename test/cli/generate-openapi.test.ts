/** openapi.json: up to date with the schemas it is built from. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPENAPI_FILE, openApiJson } from '../../src/cli/generate-openapi.js';

describe('openapi.json', () => {
  it('is what npm run generate:openapi writes now (run it after changing a schema)', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(openApiJson());
  });
});
