import type { Core } from '@strapi/strapi';
import { refuseUnsafeStrapiSecrets } from './production-secrets';

// The app stays wiring only: the content model and its rules live in strapi-plugin-clinic.
export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Before anything listens; the clinic plugin checks its own secrets in its config validator.
    refuseUnsafeStrapiSecrets(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Runs after every plugin's bootstrap, when the roles the clinic plugin configures exist.
    await strapi.plugin('clinic').service('setup').afterAllBootstraps();
  },
};
