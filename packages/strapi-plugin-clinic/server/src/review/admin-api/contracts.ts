import { z } from 'zod';

/** Request shapes of the review admin API, parsed at the controller's edge. */
export const REVIEWABLE = { procedure: 'plugin::clinic.procedure', faq: 'plugin::clinic.faq', provider: 'plugin::clinic.provider' } as const;

const locale = z.string().min(2, 'locale is required').max(20);

export const targetParams = z.object({
  type: z.enum(Object.keys(REVIEWABLE) as [keyof typeof REVIEWABLE, ...Array<keyof typeof REVIEWABLE>], {
    errorMap: () => ({ message: `type must be one of: ${Object.keys(REVIEWABLE).join(', ')}` }),
  }),
  documentId: z.string().min(1).max(64),
});

export const statusQuery = z.object({ locale });
export const submitBody = z.object({ locale });
export const approveBody = z.object({ locale, revisionHash: z.string().regex(/^[0-9a-f]{64}$/, 'revisionHash must be the hash of the revision you reviewed'), comment: z.string().max(2000).optional().nullable() });
export const rejectBody = z.object({ locale, revisionHash: z.string().regex(/^[0-9a-f]{64}$/, 'revisionHash must be the hash of the revision you reviewed'), comment: z.string().max(2000) });

export type TargetParams = z.infer<typeof targetParams>;
