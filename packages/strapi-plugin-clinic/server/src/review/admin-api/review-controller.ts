import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isReconfirmation, reviewDueState, revisionDiff, toIsoDate, type ReviewLogEntry } from 'clinic-domain';
import type { z } from 'zod';
import { REVIEWABLE } from '../../../../shared/contracts/review';
import { approveBody, queueQuery, reconfirmBody, rejectBody, statusQuery, submitBody, targetParams, unpublishBody } from './request-schemas';
import { ConflictError, type ReviewService } from '../review-service';
import { REVIEW_ACTIONS } from '../roles';

function parse<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    const message = result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
    throw new errors.ValidationError(message);
  }
  return result.data;
}

const publicEntry = ({ decision, actorName, at, comment, revisionHash }: ReviewLogEntry) => ({ decision, actorName, at, comment: comment ?? null, revisionHash });

/** Strapi maps its own error classes to statuses; a conflict is answered here, as a 409. */
const answeringConflicts =
  (handler: (ctx: any) => Promise<void>) =>
  async (ctx: any): Promise<void> => {
    try {
      await handler(ctx);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      ctx.status = 409;
      ctx.body = { data: null, error: { status: 409, name: 'ConflictError', message: error.message, details: {} } };
    }
  };

export function reviewController(strapi: Core.Strapi) {
  const reviews = () => strapi.plugin('clinic').service('reviews') as ReviewService;
  const target = (ctx: any, locale: string) => {
    const params = parse(targetParams, ctx.params);
    return { contentType: REVIEWABLE[params.type], documentId: params.documentId, locale };
  };
  const can = (ctx: any, action: string) => Boolean(ctx.state.userAbility?.can(action));

  return {
    /** The panel's data: state, what the signed-in user may do, history and the diff since the last approval. */
    async status(ctx: any) {
      const { locale } = parse(statusQuery, ctx.query);
      const t = target(ctx, locale);
      const { revision, state, entries } = await reviews().stateOf(t);
      const lastApproved = [...entries].reverse().find((e) => e.decision === 'approved');
      const reviewer = await reviews().reviewerFor(ctx.state.user);
      const live = await reviews().publishedRevision(t);
      const mayDecide = can(ctx, REVIEW_ACTIONS.decide) && reviewer.isPhysician && Boolean(reviewer.providerDocumentId);
      const nextReviewDue: string | null = live?.entry.nextReviewDue ?? null;
      ctx.body = {
        data: {
          ...t,
          revisionHash: revision.hash,
          status: state.status,
          entry: state.entry ? publicEntry(state.entry) : null,
          lastApproval: state.lastApproval ? publicEntry(state.lastApproval) : null,
          supersededBy: state.supersededBy ? publicEntry(state.supersededBy) : null,
          standingRejection: state.standingRejection ? publicEntry(state.standingRejection) : null,
          schedule: live ? { lastReviewedOn: live.entry.lastReviewedOn ?? null, nextReviewDue, dueState: reviewDueState(nextReviewDue, toIsoDate(new Date())) } : null,
          translationOutOfDate: await reviews().translationOutOfDate(t),
          medical: reviews().isMedical(t.contentType),
          live: Boolean(live),
          history: entries.map((entry, i) => ({ ...publicEntry(entry), reconfirmation: isReconfirmation(entries, i) })).reverse(),
          diffSinceLastApproval: revisionDiff(lastApproved?.revision ?? null, revision.content).filter((l) => l.kind !== 'same'),
          can: {
            submit: can(ctx, REVIEW_ACTIONS.submit),
            decide: mayDecide,
            reconfirm: mayDecide && state.status === 'approved' && (!live || live.hash === revision.hash),
          },
        },
      };
    },

    submit: answeringConflicts(async (ctx: any) => {
      const { locale } = parse(submitBody, ctx.request.body);
      const entry = await reviews().submit(target(ctx, locale), ctx.state.user);
      ctx.status = 201;
      ctx.body = { data: publicEntry(entry) };
    }),

    approve: answeringConflicts(async (ctx: any) => {
      const body = parse(approveBody, ctx.request.body);
      const t = target(ctx, body.locale);
      const entry = await reviews().approve(t, ctx.state.user, body);
      await strapi.plugin('clinic').service('webhooks').announce({ event: 'approve', ...t });
      ctx.status = 201;
      ctx.body = { data: publicEntry(entry) };
    }),

    /** One step for a physician: approved, unchanged text confirmed again, its live page's review dates moved. */
    reconfirm: answeringConflicts(async (ctx: any) => {
      const body = parse(reconfirmBody, ctx.request.body);
      const t = target(ctx, body.locale);
      const { entry, republished } = await reviews().reconfirm(t, ctx.state.user, body);
      await strapi.plugin('clinic').service('webhooks').announce({ event: 'approve', ...t });
      ctx.status = 201;
      ctx.body = { data: { ...publicEntry(entry), reconfirmation: true, republished } };
    }),

    reject: answeringConflicts(async (ctx: any) => {
      const body = parse(rejectBody, ctx.request.body);
      const entry = await reviews().reject(target(ctx, body.locale), ctx.state.user, body);
      ctx.status = 201;
      ctx.body = { data: publicEntry(entry) };
    }),

    /** A physician takes a page off the site, saying why; the gate logs it with the reason. */
    async unpublish(ctx: any) {
      const body = parse(unpublishBody, ctx.request.body);
      const t = target(ctx, body.locale);
      await reviews().takeDown(t, body.reason);
      ctx.status = 200;
      ctx.body = { data: { documentId: t.documentId, locale: t.locale, unpublished: true } };
    },

    /** One page of the queue: the page is read from the log's heads, so its cost does not grow with the log. */
    async queue(ctx: any) {
      const { items, pagination } = await reviews().queuePage(parse(queueQuery, ctx.query));
      ctx.body = { data: items, meta: { pagination } };
    },

    async due(ctx: any) {
      const reviewer = await reviews().reviewerFor(ctx.state.user);
      const mayDecide = can(ctx, REVIEW_ACTIONS.decide) && reviewer.isPhysician && Boolean(reviewer.providerDocumentId);
      // The list offers re-confirming only to those who may do it.
      ctx.body = { data: (await reviews().due()).map((item) => ({ ...item, reconfirmable: mayDecide && item.reconfirmable })) };
    },
  };
}
