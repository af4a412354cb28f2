// Limits of the declaration sign-up, without zod, so the public navigator can import them cheaply.

/** Largest logo accepted (decoded bytes). */
export const LOGO_MAX_BYTES = 1024 * 1024;
/** Logo types accepted; SVG is not (it can carry script). */
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
export const STATEMENT_MAX = 1000;
