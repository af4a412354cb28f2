// Server paths of the caseload dashboard, team view and outcome figures (case reports).
import { query } from '../../api.ts';

const v1 = (slug: string) => `/api/v1/${encodeURIComponent(slug)}/case-reports`;

export const reportPaths = {
  dashboard: (slug: string, params: { scope?: string; teamId?: string }) => `${v1(slug)}/dashboard${query(params)}`,
  team: (slug: string, teamId?: string) => `${v1(slug)}/team${query({ teamId })}`,
  outcomes: (slug: string, params: Record<string, string | number | undefined>) => `${v1(slug)}/outcomes${query(params)}`,
  outcomesExport: (slug: string, params: Record<string, string | number | undefined>) => `${v1(slug)}/outcomes/export${query(params)}`,
};
