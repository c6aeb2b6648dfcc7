import type { Core } from '@strapi/strapi';

export const DEMO_ADMIN_EMAIL = 'admin@clinic.test';
export const DEMO_EDITOR_EMAIL = 'editor@clinic.test';
export const DEMO_PHYSICIAN_EMAIL = 'physician@clinic.test';

/** The demo's three admin accounts and the roles they hold (the clinic roles are the plugin's). */
function demoAccounts(strapi: Core.Strapi) {
  const roles = strapi.plugin('clinic').service('setup').roleCodes() as { editor: string; physician: string };
  return [
    { email: DEMO_ADMIN_EMAIL, firstname: 'Demo', lastname: 'Admin', roleCode: 'strapi-super-admin' },
    { email: DEMO_EDITOR_EMAIL, firstname: 'Erin', lastname: 'Marketing', roleCode: roles.editor },
    { email: DEMO_PHYSICIAN_EMAIL, firstname: 'Thomas', lastname: 'Stauss', roleCode: roles.physician },
  ];
}

/** Creates the demo accounts once. The password is the operator's, never a constant. */
export async function ensureDemoAdmins(strapi: Core.Strapi, password: string): Promise<Record<string, any>> {
  const users = strapi.service('admin::user');
  const accounts: Record<string, any> = {};
  for (const account of demoAccounts(strapi)) {
    let user = await users.findOneByEmail(account.email, ['roles']);
    if (!user) {
      const role = await strapi.service('admin::role').findOne({ code: account.roleCode });
      if (!role) throw new Error(`The role ${account.roleCode} does not exist yet; seed after Strapi has bootstrapped.`);
      await users.create({ email: account.email, firstname: account.firstname, lastname: account.lastname, password, isActive: true, registrationToken: null, roles: [role.id] });
      user = await users.findOneByEmail(account.email, ['roles']);
    }
    accounts[account.email] = user;
  }
  return accounts;
}
