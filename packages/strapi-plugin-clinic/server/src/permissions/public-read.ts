import type { Core } from '@strapi/strapi';
import { CLINIC_CONTENT_TYPES, clinicUid } from '../content-api';
import { clinicRepository } from '../repository/clinic-repository';

/** Patients read published clinic content without signing in: grant the public role find/findOne. */
export async function grantPublicRead(strapi: Core.Strapi): Promise<void> {
  const repository = clinicRepository(strapi);
  const publicRoleId = await repository.publicRoleId();
  if (publicRoleId === null) return;

  const actions = CLINIC_CONTENT_TYPES.flatMap((name) =>
    name === 'clinic' ? [`${clinicUid(name)}.find`] : [`${clinicUid(name)}.find`, `${clinicUid(name)}.findOne`],
  );
  for (const action of actions) await repository.ensureRolePermission(publicRoleId, action);
}
