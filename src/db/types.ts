import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL tsvector; maintained by database triggers, never written by the app. */
export const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});
