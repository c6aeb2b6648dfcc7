import type { Core } from '@strapi/strapi';
import { CLINIC_CONTENT_TYPES, clinicUid } from '../content-api';

/** Patients read published clinic content without signing in: grant the public role find/findOne. */
export async function grantPublicRead(strapi: Core.Strapi): Promise<void> {
  const publicRole = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!publicRole) return;

  const actions = CLINIC_CONTENT_TYPES.flatMap((name) =>
    name === 'clinic' ? [`${clinicUid(name)}.find`] : [`${clinicUid(name)}.find`, `${clinicUid(name)}.findOne`],
  );
  const permissionQuery = strapi.db.query('plugin::users-permissions.permission');
  for (const action of actions) {
    const exists = await permissionQuery.findOne({ where: { action, role: publicRole.id } });
    if (!exists) await permissionQuery.create({ data: { action, role: publicRole.id } });
  }
}
