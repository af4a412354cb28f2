import { z } from 'zod';

export const uuid = z.uuid();
export const tenantSlug = z
  .string()
  .min(2)
  .max(63)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])$/, 'lower-case letters, digits and dashes');
export const langCode = z.string().regex(/^[a-z]{2,3}$/, 'a language code such as de or uk');
export const localizedText = z.record(langCode, z.string().max(10000));
export const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #0b5394');

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    details: z.unknown().optional(),
  }),
});

export const paging = z.object({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

/** Standard error responses to declare on a route. */
export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  413: errorBody,
  422: errorBody,
  429: errorBody,
} as const;
