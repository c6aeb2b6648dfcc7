import type { Core } from '@strapi/strapi';
import { revisionContent, revisionHash, type RevisionValue } from 'clinic-domain';

/** Populate everything a patient reads: components (nested) in full, relations as documentIds. */
export function revisionPopulate(strapi: Core.Strapi, uid: string, depth = 0): Record<string, unknown> {
  const attributes = (strapi.getModel(uid as any)?.attributes ?? {}) as Record<string, any>;
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (name === 'localizations' || name === 'createdBy' || name === 'updatedBy') continue;
    if (attribute.type === 'component' && depth < 5) populate[name] = { populate: revisionPopulate(strapi, attribute.component, depth + 1) };
    else if (attribute.type === 'relation' || attribute.type === 'media') populate[name] = { fields: ['documentId'] };
  }
  return populate;
}

function relationKeys(strapi: Core.Strapi, uid: string): Set<string> {
  const keys = new Set<string>();
  const visit = (modelUid: string, depth: number) => {
    for (const [name, attribute] of Object.entries((strapi.getModel(modelUid as any)?.attributes ?? {}) as Record<string, any>)) {
      if (attribute.type === 'relation' || attribute.type === 'media') keys.add(name);
      if (attribute.type === 'component' && depth < 5) visit(attribute.component, depth + 1);
    }
  };
  visit(uid, 0);
  return keys;
}

export interface Revision {
  hash: string;
  content: RevisionValue;
  entry: Record<string, any>;
}

/** The current draft of one document in one locale, as the revision a physician would sign. */
export async function loadDraftRevision(strapi: Core.Strapi, uid: string, documentId: string, locale: string): Promise<Revision | null> {
  const entry = await strapi.documents(uid as any).findOne({ documentId, locale, status: 'draft', populate: revisionPopulate(strapi, uid) as any });
  if (!entry) return null;
  const content = revisionContent(entry, relationKeys(strapi, uid));
  return { hash: revisionHash(content), content, entry };
}
