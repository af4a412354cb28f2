import { z } from 'zod';

/** Which target groups have a published "Erste Schritte" list, with the list title in the requested language. */
export const firstStepsListsQuery = z.object({ lang: z.string().max(10).optional() }).strict();

export const firstStepsListEntry = z.object({
  targetGroupId: z.uuid(),
  title: z.string(),
});
export const firstStepsLists = z.array(firstStepsListEntry);
export type FirstStepsListEntry = z.infer<typeof firstStepsListEntry>;
