import type { Core } from '@strapi/strapi';
import { defaultLocaleCode } from '../locales/locales';
import { isSitePath, signPreviewLink, type PreviewRevisionPin } from 'clinic-domain';
import type { ClinicPluginConfig } from '../config';
import { CLINIC_CONTENT_TYPES, clinicUid, type ClinicContentTypeName } from '../content-api';
import { clinicRepository } from '../repository/clinic-repository';
import { loadDraftRevision } from '../review/revision-loader';

const PAGE_PATHS: Record<string, (locale: string, slug: string) => string> = {
  'plugin::clinic.procedure': (locale, slug) => `/${locale}/procedures/${encodeURIComponent(slug)}`,
  'plugin::clinic.provider': (locale, slug) => `/${locale}/providers/${encodeURIComponent(slug)}`,
};

/** Pages that show a type without a page of its own: FAQs on the FAQ page, the clinic's taglines on the language assistance page, notices on every page. */
const LIST_PATHS: Record<string, (locale: string) => string> = {
  'plugin::clinic.faq': (locale) => `/${locale}/faq`,
  'plugin::clinic.clinic': (locale) => `/${locale}/language-assistance`,
};

/** The short name a preview link uses for a clinic content type ("faq"), or null for any other uid. */
export function previewTypeOf(uid: string): ClinicContentTypeName | null {
  return CLINIC_CONTENT_TYPES.find((name) => clinicUid(name) === uid) ?? null;
}

/**
 * Where the site shows a document's draft: its page, opened through the site's draft mode by
 * a short-lived signed link. Each link is pinned to one revision (the document, locale and
 * revision hash), so the site can say whether the draft it shows is still that revision.
 */
export function previewService(strapi: Core.Strapi) {
  const settings = () => strapi.config.get('plugin::clinic') as ClinicPluginConfig;

  async function pathFor(uid: string, documentId: string, locale: string): Promise<string | null> {
    const pagePath = PAGE_PATHS[uid];
    let path = LIST_PATHS[uid]?.(locale) ?? `/${locale}`;
    if (pagePath) {
      const slug = await clinicRepository(strapi).draftSlug(uid, documentId, locale);
      if (!slug) return null;
      path = pagePath(locale, slug);
    }
    return isSitePath(path) ? path : null;
  }

  function signedUrl(path: string, revision: PreviewRevisionPin | undefined): string | null {
    const { previewSecret, siteUrl } = settings();
    if (!previewSecret) return null;
    // A signed link for this page, valid a few minutes: the secret itself never goes into a URL.
    const link = signPreviewLink({ secret: previewSecret, path, nowSeconds: Date.now() / 1000, revision });
    const url = new URL('/api/preview', siteUrl);
    url.searchParams.set('path', link.path);
    url.searchParams.set('expires', String(link.expires));
    url.searchParams.set('signature', link.signature);
    if (link.revision) url.searchParams.set('revision', link.revision);
    return url.toString();
  }

  /** The current draft's revision hash of one document in one locale, or null when it has no draft there. */
  const currentRevisionHash = async (uid: string, documentId: string, locale: string): Promise<string | null> =>
    (await loadDraftRevision(strapi, uid, documentId, locale))?.hash ?? null;

  return {
    currentRevisionHash,

    /** "Open preview" in the Content Manager: the draft as it is now, pinned to its current revision. */
    async url(uid: string, params: { documentId: string; locale?: string; status?: string }): Promise<string | null> {
      if (!settings().previewSecret) return null;
      const locale = params.locale ?? (await defaultLocaleCode(strapi));
      const path = await pathFor(uid, params.documentId, locale);
      if (!path) return null;
      const type = previewTypeOf(uid);
      const hash = type ? await currentRevisionHash(uid, params.documentId, locale) : null;
      // No draft of this document in this locale: nothing to preview (a list page would show something else).
      if (type && !hash) return null;
      return signedUrl(path, type && hash ? { type, documentId: params.documentId, locale, hash } : undefined);
    },

    /** The review panel's "Preview this revision": the draft, pinned to the revision the physician is asked to approve. */
    async revisionUrl(uid: string, documentId: string, locale: string, hash: string): Promise<string | null> {
      const type = previewTypeOf(uid);
      if (!type || !settings().previewSecret || !(await currentRevisionHash(uid, documentId, locale))) return null;
      const path = await pathFor(uid, documentId, locale);
      return path ? signedUrl(path, { type, documentId, locale, hash }) : null;
    },
  };
}

export type PreviewService = ReturnType<typeof previewService>;
