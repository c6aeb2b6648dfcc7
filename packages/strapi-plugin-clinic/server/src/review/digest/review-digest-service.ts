import type { Core } from '@strapi/strapi';
import {
  buildReviewDigests,
  calendarDayIn,
  DIGEST_LANGUAGES,
  digestDeliveryKey,
  renderDigestEmail,
  standingRejections,
  type DigestAccount,
  type DuePage,
  type ReviewDigest,
} from 'clinic-domain';
import { clinicRepository } from '../../repository/clinic-repository';
import { defaultLocaleCode } from '../../locales/locales';
import { documentTitle } from '../document-title';
import { EDITOR_ROLE_CODE, PHYSICIAN_ROLE_CODE } from '../roles';
import { REVIEWABLE_TYPES, type ReviewService } from '../review-service';
import type { ClinicPluginConfig } from '../../config';

export const REVIEW_DIGEST_CRON_TASK = 'clinicReviewDigest';

export interface DigestRun {
  day: string;
  sent: string[];
  /** Already sent today (recorded): never twice a day. */
  alreadySent: string[];
  failed: string[];
}

const accountOf = (row: { id: number; email: string; firstname?: string | null; lastname?: string | null; preferedLanguage?: string | null }): DigestAccount => ({
  id: String(row.id),
  email: row.email,
  name: [row.firstname, row.lastname].filter(Boolean).join(' ') || row.email,
  language: row.preferedLanguage ?? null,
});

/**
 * The daily review reminder: gathers what waits for whom, lets the domain decide who is told
 * what, and sends each digest through Strapi's email plugin once a day (recorded first, so a
 * second run, or a second server, sends nothing again; a refused message is given back).
 */
export function reviewDigestService(strapi: Core.Strapi) {
  const repository = clinicRepository(strapi);
  const settings = () => (strapi.config.get('plugin::clinic') as ClinicPluginConfig).reviewDigest;
  const reviews = () => strapi.plugin('clinic').service('reviews') as ReviewService;

  async function duePages(): Promise<DuePage[]> {
    const pages: DuePage[] = [];
    for (const contentType of REVIEWABLE_TYPES) {
      const titleFields = ['title', 'question', 'fullName'].filter((f) => f in ((strapi.getModel(contentType as any)?.attributes ?? {}) as object));
      for (const row of await repository.publishedWithReviewer(contentType, ['documentId', 'locale', 'nextReviewDue', ...titleFields])) {
        pages.push({ contentType, documentId: row.documentId, locale: row.locale, title: documentTitle(row), nextReviewDue: row.nextReviewDue ?? null, reviewerProviderDocumentId: row.reviewedBy?.documentId ?? null });
      }
    }
    return pages;
  }

  async function digestsFor(day: string): Promise<ReviewDigest[]> {
    const physicianRows = await repository.adminAccountsWithRole(PHYSICIAN_ROLE_CODE);
    const providers = await repository.providersOfReviewerAccounts(physicianRows.map((row) => row.id));
    const entries = await reviews().log.allEntries();
    const rejections = await Promise.all(
      standingRejections(entries.map((e) => ({ contentType: e.contentType, documentId: e.reviewedDocumentId, locale: e.locale, decision: e.decision, actorId: e.actorId, actorName: e.actorName, at: e.at, comment: e.comment ?? null }))).map(async (r) => ({
        ...r,
        title: await repository.titleOf(r),
      })),
    );
    const clinic = await repository.clinicSettings();
    return buildReviewDigests({
      today: day,
      physicians: physicianRows.map((row) => ({ ...accountOf(row), providerDocumentId: providers.get(row.id) ?? null })),
      editors: (await repository.adminAccountsWithRole(EDITOR_ROLE_CODE)).map(accountOf),
      duePages: await duePages(),
      waiting: await reviews().queue(),
      rejections,
      allowPeerBioApproval: Boolean(clinic?.allowPeerBioApproval),
      clinicLanguage: await defaultLocaleCode(strapi),
      languages: DIGEST_LANGUAGES,
    });
  }

  return {
    digestsFor,

    /** Sends today's digests (the clinic's day, in its time zone) to everyone not yet sent one today. */
    async send(now: Date = new Date()): Promise<DigestRun> {
      const { timezone, adminUrl } = settings();
      const day = calendarDayIn(now, timezone);
      const run: DigestRun = { day, sent: [], alreadySent: [], failed: [] };
      const email = strapi.plugin('email')?.service('email');
      if (!email) {
        strapi.log.warn('[clinic] review reminders need the email plugin; none sent');
        return run;
      }
      for (const digest of await digestsFor(day)) {
        const deliveryKey = digestDeliveryKey(day, digest.recipient.id);
        const claimed = await repository.claimDigestDelivery({ deliveryKey, day, recipientId: digest.recipient.id, recipientEmail: digest.recipient.email, sentAt: now });
        if (!claimed) {
          run.alreadySent.push(digest.recipient.email);
          continue;
        }
        try {
          await email.send(renderDigestEmail(digest, { adminUrl }));
          run.sent.push(digest.recipient.email);
        } catch (error) {
          await repository.releaseDigestDelivery(deliveryKey);
          strapi.log.error(`[clinic] review reminder to ${digest.recipient.email} not sent: ${(error as Error).message}`);
          run.failed.push(digest.recipient.email);
        }
      }
      return run;
    },

    /** Registers the daily run at the configured hour (bootstrap); nothing when reminders are off. */
    async schedule(): Promise<void> {
      await repository.ensureDigestDeliveryIndex();
      const { enabled, hour, minute, timezone } = settings();
      if (!enabled) return;
      strapi.cron.add({
        [REVIEW_DIGEST_CRON_TASK]: {
          task: async () => {
            const run = await this.send();
            strapi.log.info(`[clinic] review reminders for ${run.day}: ${run.sent.length} sent, ${run.alreadySent.length} already sent, ${run.failed.length} failed`);
          },
          options: { rule: `0 ${minute} ${hour} * * *`, tz: timezone },
        },
      });
    },
  };
}

export type ReviewDigestService = ReturnType<typeof reviewDigestService>;
