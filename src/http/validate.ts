/**
 * @module validate
 * Edge validation: one zod/mini schema per input; the first issue becomes a 400 naming its field.
 */
import type * as z from 'zod/mini';
import { ApiError } from './errors.js';

/** Parses `input` with `schema`, or throws `invalid_input` naming the field as `<location>.<path>`. */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown, location: 'query' | 'body' | 'path'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  const field = location === 'body' ? path : [location, path].filter(Boolean).join('.');
  throw new ApiError('invalid_input', issue?.message ?? 'invalid input', field || undefined);
}
