/**
 * @module render-version
 * The version of what the renderers write. It is part of every kept document's key (in memory and in the
 * Workers edge cache) and of every served validator, so after a deploy that changes any output no data centre
 * and no client keeps the old bytes. test/http/render-version.test.ts pins the output of fixed data to this
 * version and fails until it is raised.
 */
export const RENDER_VERSION = '8';
