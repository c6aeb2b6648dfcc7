import type { Core } from '@strapi/strapi';
// A subpath: the reading level needs `syllable`, an ES module this bundle inlines (see its index).
import { pageReadingLevels, readingLevelTarget, type PageReadingLevels, type ReadablePage } from 'clinic-domain/src/reading-level';
import { clinicRepository } from '../repository/clinic-repository';
import { REVIEWABLE } from '../../../shared/contracts/review';

const PAGE_OF: Record<string, ReadablePage> = { [REVIEWABLE.procedure]: 'procedure', [REVIEWABLE.faq]: 'faq', [REVIEWABLE.provider]: 'provider' };

/** Reading levels of a revision's text sections against the clinic's target: a hint, computed by the domain. */
export function readingLevels(strapi: Core.Strapi) {
  const repository = clinicRepository(strapi);
  const target = async () => readingLevelTarget(await repository.readingLevelTarget());
  return {
    target,
    /** Null for a content type without patient text sections. `clinicTarget` saves a read when scoring many. */
    async of(contentType: string, entry: Record<string, unknown>, locale: string, clinicTarget?: number): Promise<PageReadingLevels | null> {
      const page = PAGE_OF[contentType];
      return page ? pageReadingLevels(page, entry, locale, clinicTarget ?? (await target())) : null;
    },
  };
}
