/**
 * @module xml-js-writer
 * xml-js as `feed` uses it: its writer (`js2xml`) alone. wrangler.toml `[alias]` points `xml-js` here for the
 * Worker bundle, which so leaves out the package's parsers and the sax parser under them (35 KiB minified,
 * 9 KiB gzip) that nothing calls. This is the package's own lib/js2xml.js, so feeds are written byte for byte
 * as before; the Node build and the tests use the whole package.
 */
// @ts-expect-error: xml-js declares types for its index only.
import js2xml from 'xml-js/lib/js2xml.js';

export { js2xml };
