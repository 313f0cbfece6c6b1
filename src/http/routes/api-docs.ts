/**
 * @module routes/api-docs
 * `GET /api/docs`: a reference page generated from the OpenAPI document, with a form for every GET endpoint
 * (fill in the parameters, send, read the JSON). Server-rendered, no script: it adds nothing to the bundle
 * but this module, and loads nothing from elsewhere.
 */
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../env.js';
import { servedOpenApi } from '../openapi-served.js';
import { layout } from '../views/layout.js';

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  description?: string;
}

interface Operation {
  summary?: string;
  parameters?: Parameter[];
  security?: unknown[];
}

export const apiDocsRoutes = new Hono<AppEnv>().get('/api/docs', (c) => {
  const { publicUrl } = c.get('deps').config;
  const doc = servedOpenApi(publicUrl) as {
    info: { title: string; description: string };
    paths: Record<string, Record<string, Operation>>;
  };
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  const body = html`<h1>${doc.info.title}</h1>
<p>${doc.info.description}</p>
<p><a href="/api/v1/openapi.json">OpenAPI 3.1 (JSON)</a></p>
${operations.map(({ path, method, op }) => {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  // A form can send a GET without path parameters; the others are described only.
  const tryable = method === 'get' && pathParams.length === 0;
  const id = `${method}-${path}`.replace(/[^a-z0-9]+/gi, '-');
  return html`<section class="box" aria-labelledby="${id}"><h2 id="${id}"><code>${method.toUpperCase()} ${path}</code></h2>
<p>${op.summary ?? ''}${op.security ? ' (Authorization: Bearer)' : ''}</p>
${params.length ? html`<ul>${params.map((p) => html`<li><code>${p.name}</code> (${p.in}${p.required ? ', required' : ''}): ${p.description ?? ''}</li>`)}</ul>` : ''}
${
  tryable
    ? html`<form action="${path}" method="get">${queryParams.map((p) => html`<p><label>${p.name} <input name="${p.name}"></label></p>`)}<button type="submit">GET ${path}</button></form>`
    : ''
}
</section>`;
})}`;
  return c.html(
    layout(
      {
        lang: 'en',
        title: doc.info.title,
        description: 'Reference of the ISA calendar API',
        publicUrl,
        path: () => '/api/docs',
        feeds: [],
      },
      body,
    ),
  );
});
