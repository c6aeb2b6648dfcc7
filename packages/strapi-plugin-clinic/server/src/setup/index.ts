import type { Core } from '@strapi/strapi';
import { grantPublicRead } from '../permissions/public-read';
import { EDITOR_ROLE_CODE, ensureClinicRoles, PHYSICIAN_ROLE_CODE } from '../review/roles';
import { medicalContentTypesOf, type ClinicPluginConfig } from '../config';
import { applyFieldLabels } from '../content-manager/edit-view-labels';
import { closePublicRegistrationOnce } from './public-registration';

/**
 * Work that needs other plugins' roles and settings to exist. Users & Permissions and the
 * admin create them in their own bootstraps, which Strapi runs after ours on a fresh
 * database, so the app calls this from its own bootstrap, the last one to run.
 */
export const setupService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async afterAllBootstraps() {
    await grantPublicRead(strapi);
    await ensureClinicRoles(strapi, medicalContentTypesOf(strapi.config.get('plugin::clinic') as ClinicPluginConfig));
    await closePublicRegistrationOnce(strapi);
    // After the Content Manager's own bootstrap, which creates each type's configuration.
    await applyFieldLabels(strapi);
  },

  /** The codes of the admin roles the plugin creates, for apps that give accounts these roles (the demo). */
  roleCodes(): { editor: string; physician: string } {
    return { editor: EDITOR_ROLE_CODE, physician: PHYSICIAN_ROLE_CODE };
  },
});
