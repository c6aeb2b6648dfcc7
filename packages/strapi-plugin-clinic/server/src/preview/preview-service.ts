import type { Core } from '@strapi/strapi';
import { defaultLocaleCode } from '../locales/locales';
import { isSitePath, signPreviewLink } from 'clinic-domain';
import type { ClinicPluginConfig } from '../config';
import { clinicRepository } from '../repository/clinic-repository';

const PAGE_PATHS: Record<string, (locale: string, slug: string) => string> = {
  'plugin::clinic.procedure': (locale, slug) => `/${locale}/procedures/${encodeURIComponent(slug)}`,
  'plugin::clinic.provider': (locale, slug) => `/${locale}/providers/${encodeURIComponent(slug)}`,
};

/** Where the site shows a document's draft: its page, opened through the site's draft mode by a short-lived signed link. */
export function previewService(strapi: Core.Strapi) {
  return {
    async url(uid: string, params: { documentId: string; locale?: string; status?: string }): Promise<string | null> {
      const { previewSecret, siteUrl } = strapi.config.get('plugin::clinic') as ClinicPluginConfig;
      if (!previewSecret) return null;
      const locale = params.locale ?? (await defaultLocaleCode(strapi));
      const pathFor = PAGE_PATHS[uid];
      let path = `/${locale}`;
      if (pathFor) {
        const slug = await clinicRepository(strapi).draftSlug(uid, params.documentId, locale);
        if (!slug) return null;
        path = pathFor(locale, slug);
      } else if (uid === 'plugin::clinic.faq') {
        path = `/${locale}/faq`;
      }
      if (!isSitePath(path)) return null;
      // A signed link for this page, valid a few minutes: the secret itself never goes into a URL.
      const link = signPreviewLink({ secret: previewSecret, path, nowSeconds: Date.now() / 1000 });
      const url = new URL('/api/preview', siteUrl);
      url.searchParams.set('path', link.path);
      url.searchParams.set('expires', String(link.expires));
      url.searchParams.set('signature', link.signature);
      return url.toString();
    },
  };
}
