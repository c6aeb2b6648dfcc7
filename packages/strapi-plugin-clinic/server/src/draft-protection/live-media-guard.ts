import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { clinicRepository } from '../repository/clinic-repository';
import { documentTitle } from '../review/document-title';
/** Moving a file between media-library folders changes nothing a patient sees. */
const ORGANISING_ONLY = new Set(['folder', 'folderPath', 'updatedAt', 'updatedBy']);

interface LiveUse {
  uid: string;
  label: string;
}

/**
 * The media library writes below the Document Service: an upload can attach a file straight
 * to a published row (`ref`, `refId`, `field`), and replacing a file or its alternative text
 * changes every page that shows it. So, at the database layer, a file that a published page
 * uses cannot be replaced, edited or deleted, and no upload can attach itself to a published
 * row: new pictures are attached to drafts and go live with the page's next (approved) publish.
 */
export function guardLiveMedia(strapi: Core.Strapi): void {
  const repository = clinicRepository(strapi);
  const isLive = (uid: string, row: { publishedAt?: unknown } | null | undefined) => {
    const model = strapi.getModel(uid as any) as any;
    return Boolean(model?.options?.draftAndPublish && row?.publishedAt);
  };
  const labelOf = (uid: string, row: Record<string, any>) => `${(strapi.getModel(uid as any) as any)?.info?.displayName ?? uid} "${documentTitle(row)}" (${row.locale ?? ''})`;

  async function liveUsesOf(where: unknown): Promise<LiveUse[]> {
    const uses = await repository.rowsUsingFiles(where);
    return uses.filter((row) => isLive(row.__type, row)).map((row) => ({ uid: row.__type, label: labelOf(row.__type, row) }));
  }

  async function refuseLinksToLiveRows(data: any) {
    const links = Array.isArray(data?.related) ? data.related : [];
    for (const link of links) {
      const uid = link?.__type;
      if (typeof uid !== 'string' || !link?.id) continue;
      const row = await repository.rowById(uid, link.id);
      if (row && isLive(uid, row)) {
        throw new errors.ValidationError(`This upload would change the published ${labelOf(uid, row)} directly. Attach the file to the draft instead; it goes live with the page's next publish.`);
      }
    }
  }

  async function refuseIfLive(where: unknown, doing: string) {
    const uses = await liveUsesOf(where);
    if (uses.length) {
      throw new errors.ValidationError(
        `This file is shown on published pages (${uses.map((u) => u.label).join(', ')}), so it cannot be ${doing}. Upload a new file and attach it to the draft; it goes live with the page's next publish.`,
      );
    }
  }

  const changesWhatPatientsSee = (data: Record<string, unknown> | undefined) => Object.keys(data ?? {}).some((key) => !ORGANISING_ONLY.has(key));

  // The database hooks below run after the storage provider has already replaced or removed
  // the file on disk; the upload service's own replace and remove are checked before it acts.
  const upload = strapi.plugin('upload')?.service('upload') as Record<string, any> | undefined;
  if (upload) {
    const { replace, remove } = upload;
    upload.replace = async (id: unknown, ...rest: unknown[]) => {
      await refuseIfLive({ id }, 'replaced or edited');
      return replace.call(upload, id, ...rest);
    };
    upload.remove = async (file: { id?: unknown }, ...rest: unknown[]) => {
      await refuseIfLive({ id: file?.id }, 'deleted');
      return remove.call(upload, file, ...rest);
    };
  }

  repository.onFileWrites({
    async beforeCreate(event: any) {
      await refuseLinksToLiveRows(event.params?.data);
    },
    async beforeUpdate(event: any) {
      await refuseLinksToLiveRows(event.params?.data);
      if (changesWhatPatientsSee(event.params?.data)) await refuseIfLive(event.params?.where, 'replaced or edited');
    },
    async beforeUpdateMany(event: any) {
      if (changesWhatPatientsSee(event.params?.data)) await refuseIfLive(event.params?.where, 'replaced or edited');
    },
    async beforeDelete(event: any) {
      await refuseIfLive(event.params?.where, 'deleted');
    },
    async beforeDeleteMany(event: any) {
      await refuseIfLive(event.params?.where, 'deleted');
    },
  });
}
