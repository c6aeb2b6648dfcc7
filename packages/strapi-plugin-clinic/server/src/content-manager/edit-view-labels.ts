import type { Core } from '@strapi/strapi';
import { REVIEW_FIELDS } from '../review/workflow-context';
import { COMPONENT_FIELD_TEXTS, CONTENT_TYPE_FIELD_TEXTS, type FieldTexts } from './field-labels';

interface FieldMetadata {
  edit?: { label?: string; description?: string; editable?: boolean; [key: string]: unknown };
  list?: { label?: string; [key: string]: unknown };
}
export type Metadatas = Record<string, FieldMetadata>;

/** Fields the approval workflow fills: shown, never typed in (the server drops them from saves anyway). */
const READ_ONLY = new Set<string>(REVIEW_FIELDS);

/**
 * The Content Manager's metadata with our labels and descriptions. A field still labelled
 * with its attribute name is one nobody has configured, and gets ours (review fields also
 * become read only); a field an administrator relabelled keeps everything they chose.
 */
export function withFieldTexts(metadatas: Metadatas, texts: FieldTexts): { metadatas: Metadatas; changed: boolean } {
  const next: Metadatas = { ...metadatas };
  let changed = false;
  for (const [field, text] of Object.entries(texts)) {
    const current = metadatas[field];
    if (!current) continue;
    const updated: FieldMetadata = { ...current };
    if (current.edit?.label === field) {
      updated.edit = {
        ...current.edit,
        label: text.label,
        description: current.edit.description || text.description || '',
        ...(READ_ONLY.has(field) ? { editable: false } : {}),
      };
    }
    if (current.list?.label === field) updated.list = { ...current.list, label: text.label };
    if (updated.edit !== current.edit || updated.list !== current.list) {
      next[field] = updated;
      changed = true;
    }
  }
  return { metadatas: next, changed };
}

interface ConfigurationService {
  findConfiguration(model: { uid: string; category?: string }): Promise<{ metadatas?: Metadatas }>;
  updateConfiguration(model: { uid: string; category?: string }, configuration: { metadatas: Metadatas }): Promise<unknown>;
}

/**
 * Gives the clinic's fields their labels and descriptions in the Content Manager's edit and
 * list views. Runs after the Content Manager has synced its configurations (the app's
 * bootstrap), so a fresh database and an existing one get the same result.
 */
export async function applyFieldLabels(strapi: Core.Strapi): Promise<void> {
  const contentManager = strapi.plugin('content-manager');
  if (!contentManager) return;
  const apply = async (service: ConfigurationService, model: { uid: string; category?: string } | undefined, texts: FieldTexts) => {
    if (!model) return;
    const configuration = await service.findConfiguration(model);
    const { metadatas, changed } = withFieldTexts(configuration.metadatas ?? {}, texts);
    if (changed) await service.updateConfiguration(model, { metadatas });
  };
  const contentTypes = contentManager.service('content-types') as ConfigurationService;
  for (const [uid, texts] of Object.entries(CONTENT_TYPE_FIELD_TEXTS)) await apply(contentTypes, strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as any, texts);
  const components = contentManager.service('components') as ConfigurationService;
  for (const [uid, texts] of Object.entries(COMPONENT_FIELD_TEXTS)) await apply(components, strapi.components[uid as keyof typeof strapi.components] as any, texts);
}
