/**
 * The typed error catalogue. Every error a client can see has a stable code, an HTTP status
 * and a readable message; `field` names the offending input where there is one.
 */
export const errorCatalogue = {
  validation_failed: 400,
  invalid_json: 400,
  unknown_tenant: 404,
  unknown_language: 400,
  not_found: 404,
  unauthenticated: 401,
  forbidden: 403,
  conflict: 409,
  duplicate: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  import_invalid: 422,
  invalid_state_transition: 422,
  /** a referral or data release without valid consent of the person (case management) */
  consent_required: 422,
  rate_limited: 429,
  two_factor_required: 403,
  not_configured: 503,
  upstream_failed: 502,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    field?: string;
    details?: unknown;
  };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly field: string | undefined;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, options: { field?: string; details?: unknown } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalogue[code];
    this.field = options.field;
    this.details = options.details;
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field ? { field: this.field } : {}),
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') => new AppError('forbidden', message);
export const badInput = (field: string, message: string) =>
  new AppError('validation_failed', message, { field });
