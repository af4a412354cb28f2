/** The well-known secret of development and tests (the config refuses production without AUTH_SECRET). */
export const DEV_AUTH_SECRET = 'lotse-development-secret-change-me-in-production-0000';
