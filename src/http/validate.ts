/**
 * @module validate
 * Edge validation: one zod/mini schema per input; the first issue becomes a 400 naming its field.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { ApiError } from './errors.js';

// zod/mini ships no messages; the English ones (a few KB, not every locale) say what is wrong.
z.config(en());

/** Parses `input` with `schema`, or throws `invalid_input` naming the field as `<location>.<path>`. */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown, location: 'query' | 'body' | 'path'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // An unknown field is named itself, not its parent object.
  const unknown = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const path = [...(issue?.path ?? []), ...(unknown === undefined ? [] : [unknown])].map(String).join('.');
  const field = location === 'body' ? path : [location, path].filter(Boolean).join('.');
  const message = unknown === undefined ? (issue?.message ?? 'invalid input') : `unknown field "${unknown}"`;
  throw new ApiError('invalid_input', message, field || undefined);
}
