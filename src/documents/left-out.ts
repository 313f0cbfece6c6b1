/**
 * @module left-out
 * Renderers are total: a stored row that cannot be rendered (one no write produces today, such as a date
 * outside the supported years written before they were checked) is left out of the document it would be in,
 * and said so in the log, instead of failing the whole document.
 */

/** Logs that an item was left out of a document, and why. */
export function reportLeftOut(document: string, id: string, why: unknown): void {
  console.error(`left out of ${document}: ${id}: ${why instanceof Error ? why.message : String(why)}`);
}

/** The items `render` can render, in order; the others are reported and left out. */
export function renderEach<T, R>(document: string, items: readonly T[], idOf: (item: T) => string, render: (item: T) => R): R[] {
  const out: R[] = [];
  for (const item of items) {
    try {
      out.push(render(item));
    } catch (error) {
      reportLeftOut(document, idOf(item), error);
    }
  }
  return out;
}
