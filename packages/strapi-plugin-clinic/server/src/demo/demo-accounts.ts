import type { Core } from '@strapi/strapi';

export const DEMO_ADMIN_EMAIL = 'admin@clinic.test';

/** Creates the demo super admin once. The password is the operator's, never a constant. */
export async function ensureDemoAdmin(strapi: Core.Strapi, password: string): Promise<void> {
  const users = strapi.service('admin::user');
  if (await users.exists({ email: DEMO_ADMIN_EMAIL })) return;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) throw new Error('The super admin role does not exist yet; run the seed after Strapi has bootstrapped.');
  await users.create({
    email: DEMO_ADMIN_EMAIL,
    firstname: 'Demo',
    lastname: 'Admin',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
}
