import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { windowProblem } from 'clinic-domain';
import { clinicRepository } from '../repository/clinic-repository';

const REBRAND_NOTICE = 'plugin::clinic.rebrand-notice';

/**
 * A notice whose window ends before it starts would never show, silently. Refuse it on
 * every write path (admin, API, code) with a message the editor can act on.
 */
export function rebrandWindowMiddleware(strapi: Core.Strapi) {
  return async (ctx: { uid: string; action: string; params: any }, next: () => Promise<unknown>) => {
    if (ctx.uid !== REBRAND_NOTICE || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    const data = ctx.params?.data ?? {};
    if (!('startsAt' in data) && !('endsAt' in data) && ctx.action === 'update') return next();

    let current: { startsAt?: string | Date; endsAt?: string | Date } = {};
    if (ctx.action === 'update' && ctx.params.documentId) current = await clinicRepository(strapi).rebrandWindow(REBRAND_NOTICE, ctx.params.documentId);
    const toIso = (v: unknown) => (v instanceof Date ? v.toISOString() : (v as string | undefined));
    const problem = windowProblem({ startsAt: toIso(data.startsAt ?? current.startsAt), endsAt: toIso(data.endsAt ?? current.endsAt) });
    if (problem) throw new errors.ValidationError(problem, { errors: [{ path: ['endsAt'], message: problem, name: 'ValidationError' }] });
    return next();
  };
}
