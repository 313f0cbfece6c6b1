/**
 * @module views/legal
 * The imprint (the provider's details from the settings) and the privacy notice (GDPR Art. 13: who is
 * responsible, what is kept, why, for how long, and the rights), in the page's language.
 */
import { html } from 'hono/html';
import type { Operator } from '../../config.js';
import { words } from '../../core/i18n/catalogue.js';
import type { Lang } from '../../core/model.js';
import { imprintPath, privacyPath } from '../../core/site-paths.js';

/** The provider's details, or the note that the operator has not set them. */
function operatorBlock(lang: Lang, operator: Operator | null) {
  const w = words(lang).legal;
  if (!operator) return html`<p class="notice">${w.notConfigured}</p>`;
  return html`<address><strong>${operator.name}</strong>${operator.address.map((line) => html`<br>${line}`)}${
    operator.email ? html`<br>${w.contact}: <a href="mailto:${operator.email}">${operator.email}</a>` : ''
  }</address>`;
}

/** The imprint's body. */
export function imprintBody(lang: Lang, operator: Operator | null) {
  const w = words(lang).legal;
  return html`<h1>${w.imprint}</h1><h2>${w.operator}</h2>${operatorBlock(lang, operator)}
<p><a href="${privacyPath(lang)}">${w.privacy}</a></p>`;
}

/** The privacy notice's body. */
export function privacyBody(lang: Lang, operator: Operator | null) {
  const w = words(lang).legal;
  return html`<h1>${w.privacy}</h1><h2>${w.operator}</h2>${operatorBlock(lang, operator)}
${w.privacySections.map((section) => html`<h2>${section.heading}</h2>${section.paragraphs.map((p) => html`<p>${p}</p>`)}`)}`;
}

/** The footer links to both, for every page. */
export function legalLinks(lang: Lang) {
  const w = words(lang).legal;
  return html`<a href="${imprintPath(lang)}">${w.imprint}</a> · <a href="${privacyPath(lang)}">${w.privacy}</a>`;
}
