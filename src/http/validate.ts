/**
 * @module validate
 * Edge validation: one zod/mini schema per input; the first issue becomes a 400 naming its field.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { ApiError } from './errors.js';

// zod/mini ships no messages; the English ones (a few KB, not every locale) say what is wrong.
z.config(en());

/** Checks `input` with `schema`: the value, or the first issue as a field (dotted path) and a message. */
export function checkInput<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.infer<S> } | { ok: false; error: { code: 'invalid_input'; field: string; message: string } } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  // An unknown field is named itself, not its parent object.
  const unknown = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const field = [...(issue?.path ?? []), ...(unknown === undefined ? [] : [unknown])].map(String).join('.');
  const message = unknown === undefined ? (issue?.message ?? 'invalid input') : `unknown field "${unknown}"`;
  return { ok: false, error: { code: 'invalid_input', field, message } };
}

/** Parses `input` with `schema`, or throws `invalid_input` naming the field as `<location>.<path>`. */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown, location: 'query' | 'body' | 'path'): z.infer<S> {
  const checked = checkInput(schema, input);
  if (checked.ok) return checked.value;
  const { field: path, message } = checked.error;
  const field = location === 'body' ? path : [location, path].filter(Boolean).join('.');
  throw new ApiError('invalid_input', message, field || undefined);
}
