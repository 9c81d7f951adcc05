import { z } from 'zod';

/** A view as a request body: a name and a filter of known fields only (typos are 400s, not silently ignored). */
export const viewBody = z.object({
  name: z.string(),
  filter: z.strictObject({
    folder: z.string().optional(),
    namespace: z.string().optional(),
    labels: z.string().optional(),
    nameRegex: z.string().optional(),
    lastStatus: z.array(z.string()).optional(),
    search: z.string().optional(),
  }).default({}),
});
