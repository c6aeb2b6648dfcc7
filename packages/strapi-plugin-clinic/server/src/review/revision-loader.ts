import type { Core } from '@strapi/strapi';
import { MAX_REVISION_COMPONENT_DEPTH, revisionContent, revisionHash, revisionRole, unsignableAttributes, unsignableRevisionMessage, type AttributeShape, type RevisionValue } from 'clinic-domain';
import { clinicRepository } from '../repository/clinic-repository';

const attributesOf = (strapi: Core.Strapi) => (uid: string) => strapi.getModel(uid as any)?.attributes as Record<string, AttributeShape> | undefined;

/** What a patient sees of a picture: replacing the file or its text changes the revision. */
const MEDIA_CONTENT_FIELDS = ['hash', 'alternativeText', 'caption'];

/** Populate everything a patient reads: components (nested) in full, relations as documentIds. */
export function revisionPopulate(strapi: Core.Strapi, uid: string, depth = 0): Record<string, unknown> {
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributesOf(strapi)(uid) ?? {})) {
    const role = revisionRole(name, attribute);
    if (role === 'component' && depth < MAX_REVISION_COMPONENT_DEPTH) populate[name] = { populate: revisionPopulate(strapi, attribute.component!, depth + 1) };
    else if (role === 'relation') populate[name] = { fields: ['documentId'] };
    else if (role === 'media') populate[name] = { fields: MEDIA_CONTENT_FIELDS };
  }
  return populate;
}

function relationKeys(strapi: Core.Strapi, uid: string): Set<string> {
  const keys = new Set<string>();
  const visit = (modelUid: string, depth: number) => {
    for (const [name, attribute] of Object.entries(attributesOf(strapi)(modelUid) ?? {})) {
      const role = revisionRole(name, attribute);
      if (role === 'relation') keys.add(name);
      if (role === 'component' && depth < MAX_REVISION_COMPONENT_DEPTH) visit(attribute.component!, depth + 1);
    }
  };
  visit(uid, 0);
  return keys;
}

/** A content type with a field the hash does not cover: refused, never signed without it. */
export class UnsignableRevisionError extends Error {}

export interface Revision {
  hash: string;
  content: RevisionValue;
  entry: Record<string, any>;
}

/** One version of one document in one locale, as the revision a physician signs or signed. */
export async function loadRevision(strapi: Core.Strapi, uid: string, documentId: string, locale: string, status: 'draft' | 'published' = 'draft'): Promise<Revision | null> {
  const problems = unsignableAttributes(attributesOf(strapi), uid);
  if (problems.length) throw new UnsignableRevisionError(unsignableRevisionMessage(problems));
  const entry = await clinicRepository(strapi).findVersion(uid, documentId, locale, status, revisionPopulate(strapi, uid));
  if (!entry) return null;
  const content = revisionContent(entry, relationKeys(strapi, uid));
  return { hash: revisionHash(content), content, entry };
}

/** The current draft: what a physician is asked to approve. */
export const loadDraftRevision = (strapi: Core.Strapi, uid: string, documentId: string, locale: string) => loadRevision(strapi, uid, documentId, locale, 'draft');

/** Top-level links of a revision and the content type each points to. */
export function revisionLinkTargets(strapi: Core.Strapi, uid: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const [name, attribute] of Object.entries((strapi.getModel(uid as any)?.attributes ?? {}) as Record<string, any>)) {
    if (revisionRole(name, attribute) === 'relation') targets.set(name, attribute.type === 'media' ? 'plugin::upload.file' : attribute.target);
  }
  return targets;
}
