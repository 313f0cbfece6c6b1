/**
 * @module import-item
 * What an imported file says about one event, whatever the file (iCalendar, a spreadsheet): the fields it sets,
 * in the shape of the event input, and how it names the event it may update (our id, its UID). The use case
 * (writing/import-events.ts) merges it onto the stored event or the import's defaults and checks it as any write.
 */
import type { LocalizedText } from '../model.js';

/** Where an item came from, as the dry run names it. */
export type ItemKey = { readonly uid: string } | { readonly row: number };

/** The fields an item sets; those it leaves out keep the stored event's value (or the import's default). */
export interface ImportFields {
  readonly id?: string;
  readonly uid?: string;
  readonly kind?: string;
  readonly title?: LocalizedText;
  readonly description?: LocalizedText;
  readonly start?: string | null;
  readonly end?: string | null;
  readonly timeZone?: string;
  readonly fold?: 0 | 1;
  readonly endFold?: 0 | 1;
  readonly cities?: readonly string[];
  readonly participants?: readonly string[];
  readonly audience?: string | null;
  readonly related?: boolean;
  readonly status?: string;
  readonly location?: string | null;
  readonly url?: string | null;
  readonly sources?: ReadonlyArray<{ readonly ref: string }>;
  /** The revision the row was exported at: a stored event changed since is not overwritten. */
  readonly revision?: number;
}

/** One item of a file: its fields, or why it cannot be imported (the field at fault, in the file's terms). */
export type ImportItem =
  | { readonly key: ItemKey; readonly ok: true; readonly fields: ImportFields }
  | { readonly key: ItemKey; readonly ok: false; readonly field: string; readonly message: string; readonly title?: string };
