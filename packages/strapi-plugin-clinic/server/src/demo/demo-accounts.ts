import type { Core } from '@strapi/strapi';
import { EDITOR_ROLE_CODE, PHYSICIAN_ROLE_CODE } from '../review/roles';

export const DEMO_ADMIN_EMAIL = 'admin@clinic.test';
export const DEMO_EDITOR_EMAIL = 'editor@clinic.test';
export const DEMO_PHYSICIAN_EMAIL = 'physician@clinic.test';

const DEMO_ACCOUNTS = [
  { email: DEMO_ADMIN_EMAIL, firstname: 'Demo', lastname: 'Admin', roleCode: 'strapi-super-admin' },
  { email: DEMO_EDITOR_EMAIL, firstname: 'Erin', lastname: 'Marketing', roleCode: EDITOR_ROLE_CODE },
  { email: DEMO_PHYSICIAN_EMAIL, firstname: 'Thomas', lastname: 'Stauss', roleCode: PHYSICIAN_ROLE_CODE },
];

/** Creates the demo accounts once. The password is the operator's, never a constant. */
export async function ensureDemoAdmins(strapi: Core.Strapi, password: string): Promise<Record<string, any>> {
  const users = strapi.service('admin::user');
  const accounts: Record<string, any> = {};
  for (const account of DEMO_ACCOUNTS) {
    let user = await strapi.db.query('admin::user').findOne({ where: { email: account.email }, populate: ['roles'] });
    if (!user) {
      const role = await strapi.service('admin::role').findOne({ code: account.roleCode });
      if (!role) throw new Error(`The role ${account.roleCode} does not exist yet; seed after Strapi has bootstrapped.`);
      await users.create({ email: account.email, firstname: account.firstname, lastname: account.lastname, password, isActive: true, registrationToken: null, roles: [role.id] });
      user = await strapi.db.query('admin::user').findOne({ where: { email: account.email }, populate: ['roles'] });
    }
    accounts[account.email] = user;
  }
  return accounts;
}
