import { z } from 'zod';
import type { RouteRegistrar } from '../../server/types.ts';

export const systemRoutes: RouteRegistrar = (app, ctx) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness: answers without touching the database',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/api/ready',
    {
      schema: {
        tags: ['system'],
        summary: 'Readiness: the database answers',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await ctx.db.system((tx) => tx.query('SELECT 1'));
      return { status: 'ok' as const, database: ctx.db.kind };
    },
  );
};
