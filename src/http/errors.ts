/**
 * @module errors
 * One error class, one closed code → status table, one JSON envelope for every 4xx/5xx:
 * `{"error": {"status": 400, "code": "invalid_time", "message": "…", "field": "query.from"}}`.
 */
import type { Context } from 'hono';
import { SettingError } from '../config.js';
import type { FieldError } from '../core/result.js';
import { storageFailure } from '../storage/failures.js';

export const ERROR_STATUS = {
  invalid_input: 400,
  invalid_time: 400,
  nonexistent_time: 400,
  unknown_zone: 400,
  unknown_city: 404,
  unknown_source: 400,
  not_found: 404,
  gone: 410,
  import_stale: 409,
  method_not_allowed: 405,
  unauthorized: 401,
  writes_disabled: 403,
  forbidden: 403,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  precondition_required: 428,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  misconfigured: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

/** An expected failure of a request; `onError` renders it as the envelope. */
export class ApiError extends Error {
  readonly status: ErrorStatus;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    status?: ErrorStatus,
    /** Extra response headers, such as `WWW-Authenticate` on a 401. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = status ?? ERROR_STATUS[code];
  }

  /** An error from a core FieldError, with the field under a prefix (`query.`, or none for bodies). */
  static fromField(error: FieldError, prefix = '', status?: ErrorStatus): ApiError {
    return new ApiError(error.code, error.message, `${prefix}${error.field}`, status);
  }
}

/** The envelope of an error as a Response. */
export function errorResponse(c: Context, error: ApiError): Response {
  return c.json(
    { error: { status: error.status, code: error.code, message: error.message, ...(error.field !== undefined && { field: error.field }) } },
    error.status,
    { 'Content-Type': 'application/json; charset=utf-8', ...error.headers },
  );
}

/**
 * `app.onError`: expected errors as themselves; a setting that cannot be used as `503 misconfigured` naming it;
 * a failing database as `503 unavailable` saying why; anything else as a logged 500 that leaks nothing.
 */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof ApiError) return errorResponse(c, err);
  if (err instanceof SettingError) return errorResponse(c, new ApiError('misconfigured', err.message, err.setting));
  const storage = storageFailure(err);
  console.error(err);
  if (storage)
    return errorResponse(
      c,
      new ApiError('unavailable', `the database cannot be used: ${storage}`, undefined, 503, { 'Retry-After': '60' }),
    );
  return errorResponse(c, new ApiError('internal', 'internal error'));
}
