import type { RevisionValue } from 'clinic-domain';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { medicalContentTypesOf, type ClinicPluginConfig } from '../config';
import { clinicRepository } from '../repository/clinic-repository';
import type { ReviewService, Target } from './review-service';

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);
const TAKE_DOWNS = new Set(['delete', 'unpublish']);

interface Link {
  medicalUid: string;
  attribute: string;
}

/**
 * A published medical page shows exactly what a physician approved, and nothing else may
 * change it. Other documents can: publishing an FAQ or a provider that lists a procedure
 * from its side of the relation links it to the published procedure, deleting a provider
 * removes them from it. Rather than recognise those doors one by one, every write to a type
 * a medical page relates to is checked by its outcome: each published medical page it
 * touches must, afterwards, either be unchanged or be exactly its latest approved revision.
 * Otherwise the whole write is rolled back.
 */
export function publishedIntegrityGuard(strapi: Core.Strapi, reviews: () => ReviewService) {
  const repository = clinicRepository(strapi);
  const linksInto = (uid: string): Link[] => {
    return medicalContentTypesOf(strapi.config.get('plugin::clinic') as ClinicPluginConfig).flatMap((medicalUid) =>
      Object.entries((strapi.getModel(medicalUid as any)?.attributes ?? {}) as Record<string, any>)
        .filter(([, attribute]) => attribute.type === 'relation' && attribute.target === uid)
        .map(([attribute]) => ({ medicalUid, attribute })),
    );
  };

  /** The published medical pages a document's change could alter: its own other locales (they share unlocalized fields) and every page linking to it. */
  async function publishedPagesLinkedTo(uid: string, links: Link[], documentId: string): Promise<Map<string, Target>> {
    const pages = new Map<string, Target>();
    if (reviews().isMedical(uid)) {
      for (const locale of await repository.localesOf(uid, documentId, 'published')) pages.set(`${uid}|${documentId}|${locale}`, { contentType: uid, documentId, locale });
    }
    for (const { medicalUid, attribute } of links) {
      for (const row of await repository.publishedLinkingTo(medicalUid, attribute, documentId)) pages.set(`${medicalUid}|${row.documentId}|${row.locale}`, { contentType: medicalUid, documentId: row.documentId, locale: row.locale });
    }
    return pages;
  }

  return async (ctx: { uid: string; action: string; params: any }, next: () => Promise<any>) => {
    if (!WRITES.has(ctx.action)) return next();
    const links = linksInto(ctx.uid);
    if (!links.length && !reviews().isMedical(ctx.uid)) return next();

    return repository.inTransaction(async () => {
      const before = ctx.params?.documentId ? await publishedPagesLinkedTo(ctx.uid, links, ctx.params.documentId) : new Map<string, Target>();
      const revisionsBefore = new Map<string, RevisionValue | null>();
      const hashesBefore = new Map<string, string | null>();
      for (const [key, page] of before) {
        const live = await reviews().publishedRevision(page);
        revisionsBefore.set(key, live?.content ?? null);
        hashesBefore.set(key, live?.hash ?? null);
      }

      const result = await next();
      const takesMedicalPageDown = TAKE_DOWNS.has(ctx.action) && reviews().isMedical(ctx.uid);

      const documentId = ctx.params?.documentId ?? result?.documentId;
      const after = documentId ? await publishedPagesLinkedTo(ctx.uid, links, documentId) : new Map<string, Target>();
      for (const [key, page] of new Map([...before, ...after])) {
        const live = await reviews().publishedRevision(page);
        if (!live || live.hash === hashesBefore.get(key)) continue;
        // Links may appear as the pages they point to go live (toward the approved list). They
        // disappear only when a physician takes the linked medical page itself down: that is
        // logged, and a take-down for patients' safety must never wait for other pages' reviews.
        if (await reviews().liveChangeKeepsApproval(page, revisionsBefore.get(key) ?? null, takesMedicalPageDown)) continue;
        const title = await repository.titleOf(page);
        throw new errors.ValidationError(
          `This change would alter the published page "${title}" (${page.locale}) without a physician's approval of that version. ` +
            (page.contentType === ctx.uid && page.documentId === documentId
              ? `Its ${page.locale} version shares fields with this one (such as the name): have the ${page.locale} revision approved too, then publish.`
              : 'What it lists comes from its own approved revision: change the link on that page itself, have it approved, and publish it.'),
        );
      }
      return result;
    });
  };
}

