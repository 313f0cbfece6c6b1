/**
 * @module openapi-served
 * The OpenAPI document as a deployment serves it: the one built from the schemas (openapi.json, written by
 * `npm run generate:openapi` from openapi.ts) with the deployment's public URL as its server and licence link.
 */
import built from './openapi.json' with { type: 'json' };

/** The built document's origin (openapi.ts ORIGIN_PLACEHOLDER), replaced per deployment. */
const PLACEHOLDER = built.servers[0]?.url ?? '';

/** The OpenAPI document for a deployment at `publicUrl`. */
export function servedOpenApi(publicUrl: string): typeof built {
  return {
    ...built,
    info: { ...built.info, license: { ...built.info.license, url: built.info.license.url.replace(PLACEHOLDER, publicUrl) } },
    servers: [{ url: publicUrl }],
  };
}
