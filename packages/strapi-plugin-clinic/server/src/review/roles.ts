import type { Core } from '@strapi/strapi';
import { PHYSICIAN_SETTINGS, SUPER_ADMIN_SETTINGS } from 'clinic-domain';
import { REVIEW_FIELDS } from './workflow-context';
import { clinicRepository } from '../repository/clinic-repository';
import { availableLocaleCodes } from '../locales/locales';

export const EDITOR_ROLE_CODE = 'clinic-marketing-editor';
export const PHYSICIAN_ROLE_CODE = 'clinic-physician-reviewer';

/** Admin permissions of the review workflow, checked on its routes (see ../routes). */
export const REVIEW_ACTIONS = {
  read: 'plugin::clinic.review.read',
  submit: 'plugin::clinic.review.submit',
  decide: 'plugin::clinic.review.decide',
} as const;

export async function registerReviewActions(strapi: Core.Strapi): Promise<void> {
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: 'See medical reviews, the review queue and reviews due', uid: 'review.read', pluginName: 'clinic' },
    { section: 'plugins', displayName: 'Submit a revision for medical review', uid: 'review.submit', pluginName: 'clinic' },
    { section: 'plugins', displayName: 'Approve or reject a revision (physicians)', uid: 'review.decide', pluginName: 'clinic' },
  ]);
}

const CM = (action: string) => `plugin::content-manager.explorer.${action}`;
const CLINIC_SUBJECTS = ['procedure', 'faq', 'provider', 'rebrand-notice', 'clinic'].map((n) => `plugin::clinic.${n}`);
// Fields editors never touch: the workflow owns the review fields, super admins the account links
// and the clinic's review rules (the reading-level target too: editors would set the bar their own text is held to).
// A save that changes one is refused with a 403 (see protected-settings-guard.ts).
export const SUPER_ADMIN_FIELDS = SUPER_ADMIN_SETTINGS;
// How often a page is reviewed again sets the "next review due" a patient reads: physicians decide.
export const PHYSICIAN_FIELDS = PHYSICIAN_SETTINGS;
const NOT_FOR_EDITORS = new Set<string>([...REVIEW_FIELDS, ...SUPER_ADMIN_FIELDS, ...PHYSICIAN_FIELDS]);
const NOT_FOR_PHYSICIANS = new Set<string>([...REVIEW_FIELDS, ...SUPER_ADMIN_FIELDS]);

interface PermissionSpec {
  action: string;
  subject?: string;
  properties?: { fields?: string[]; locales?: string[] | null };
  conditions?: string[];
}

async function contentPermissions(strapi: Core.Strapi, actions: string[], subjects: string[], locales: string[], withheld: ReadonlySet<string> = new Set()): Promise<PermissionSpec[]> {
  const actionProvider = strapi.service('admin::permission').actionProvider;
  const actionObjects = actions.map((id) => actionProvider.get(id)).filter(Boolean);
  const all: PermissionSpec[] = strapi.service('admin::content-type').getPermissionsWithNestedFields(actionObjects);
  return all
    .filter((p) => p.subject && subjects.includes(p.subject))
    .map((p) => ({
      action: p.action,
      subject: p.subject,
      properties: {
        ...(p.properties?.fields ? { fields: p.properties.fields.filter((f) => !withheld.has(f.split('.')[0]!)) } : {}),
        // Named, not null: Strapi deletes, at its next boot, a publish or delete permission whose
        // only property (locales) is null. A locale added later is added to them (coverNewLocale).
        locales,
      },
      conditions: [],
    }));
}

async function rolePermissions(strapi: Core.Strapi, medicalTypes: string[]) {
  const locales = await availableLocaleCodes(strapi);
  const upload = ['plugin::upload.read', 'plugin::upload.assets.create', 'plugin::upload.assets.update', 'plugin::upload.assets.download', 'plugin::upload.assets.copy-link'].map((action) => ({ action }));
  return {
    editor: [
      ...(await contentPermissions(strapi, [CM('create'), CM('read'), CM('update'), CM('delete')], CLINIC_SUBJECTS, locales, NOT_FOR_EDITORS)),
      // Publish on every clinic type: for medical types the publish gate answers, and tells the
      // editor that medical approval is missing, or that a physician publishes it.
      ...(await contentPermissions(strapi, [CM('publish')], CLINIC_SUBJECTS, locales, NOT_FOR_EDITORS)),
      { action: REVIEW_ACTIONS.read },
      { action: REVIEW_ACTIONS.submit },
      ...upload,
    ],
    physician: [
      ...(await contentPermissions(strapi, [CM('read')], CLINIC_SUBJECTS, locales)),
      ...(await contentPermissions(strapi, [CM('publish')], medicalTypes, locales)),
      // Taking medical pages down is theirs: delete, and discard (which the Content Manager files
      // under update). The review fields and account links stay out of their forms too.
      ...(await contentPermissions(strapi, [CM('update'), CM('delete')], medicalTypes, locales, NOT_FOR_PHYSICIANS)),
      { action: REVIEW_ACTIONS.read },
      // A physician may submit too (say, a revision an editor prepared); approving their own
      // submission is still refused unless the clinic allows self-approval.
      { action: REVIEW_ACTIONS.submit },
      { action: REVIEW_ACTIONS.decide },
      { action: 'plugin::upload.read' },
    ],
  };
}

/** Creates the two clinic roles once; an administrator's later changes to them are kept. */
export async function ensureClinicRoles(strapi: Core.Strapi, medicalTypes: string[]): Promise<{ editorRoleId: number; physicianRoleId: number }> {
  const roles = strapi.service('admin::role');
  const permissions = await rolePermissions(strapi, medicalTypes);
  const repairs = await rolesNeedLocaleRepair(strapi);
  const ensure = async (code: string, name: string, description: string, perms: PermissionSpec[]) => {
    const existing = await roles.findOne({ code });
    if (existing) {
      if (repairs) await repairLocales(strapi, existing.id as number, perms);
      return existing.id as number;
    }
    const role = await roles.create({ name, code, description });
    await roles.assignPermissions(role.id, perms);
    return role.id as number;
  };
  const ids = {
    editorRoleId: await ensure(EDITOR_ROLE_CODE, 'Marketing editor', 'Writes and translates clinic content; submits medical content for review; cannot approve or publish it.', permissions.editor),
    physicianRoleId: await ensure(PHYSICIAN_ROLE_CODE, 'Physician reviewer', 'Reads drafts, approves or rejects submitted revisions, and publishes approved medical content.', permissions.physician),
  };
  if (repairs) await strapi.store({ type: 'plugin', name: 'clinic' }).set({ key: LOCALES_REPAIRED_KEY, value: true });
  return ids;
}

/** Set once the roles made before their permissions named locales have been repaired. */
const LOCALES_REPAIRED_KEY = 'roles-name-locales';

async function rolesNeedLocaleRepair(strapi: Core.Strapi): Promise<boolean> {
  return !(await strapi.store({ type: 'plugin', name: 'clinic' }).get({ key: LOCALES_REPAIRED_KEY }));
}

/**
 * Roles made by an earlier version named their locales as null; Strapi's boot deleted those
 * whose only property is the locales (publish, delete), so physicians could no longer publish.
 * Once, on the first boot of this version: what is left names every locale, and the role's
 * publish and delete permissions that are missing are given back (nothing else is added, so an
 * administrator's other changes stay).
 */
async function repairLocales(strapi: Core.Strapi, roleId: number, wanted: PermissionSpec[]): Promise<void> {
  const repository = clinicRepository(strapi);
  const locales = wanted.find((p) => Array.isArray(p.properties?.locales))?.properties?.locales ?? [];
  const present = await repository.nameLocalesOfRolePermissions(roleId, locales as string[]);
  const deletedByStrapi = wanted.filter((p) => (p.action === CM('publish') || p.action === CM('delete')) && !present.has(`${p.action} ${p.subject}`));
  if (deletedByStrapi.length) await strapi.service('admin::role').addPermissions(roleId, deletedByStrapi);
}

/**
 * The clinic roles work in every language: when an admin adds a locale, each of their
 * permissions that names locales gets the new one too (other roles are the admin's to set).
 */
export function coverNewLocales(strapi: Core.Strapi): void {
  const repository = clinicRepository(strapi);
  repository.onLocaleCreated((code) => repository.addLocaleToRolePermissions([EDITOR_ROLE_CODE, PHYSICIAN_ROLE_CODE], code));
}
