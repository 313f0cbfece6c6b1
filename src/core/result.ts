/**
 * @module result
 * Expected failures as values: the core returns them, only the HTTP layer turns them into responses.
 */

/** A rejected input, naming the field at fault as a dotted path (`start`, `title.zh`, `query.from`). */
export interface FieldError {
  readonly code: 'invalid_input' | 'invalid_time' | 'nonexistent_time' | 'unknown_zone' | 'unknown_city';
  readonly field: string;
  readonly message: string;
}

export type Result<T, E = FieldError> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** Wraps a value as a success. */
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

/** Wraps an error as a failure. */
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });
