import type { Core } from '@strapi/strapi';

// The app stays wiring only: the content model and its rules live in strapi-plugin-clinic.
export default {
  register() {},
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Runs after every plugin's bootstrap, when the roles the clinic plugin configures exist.
    await strapi.plugin('clinic').service('setup').afterAllBootstraps();
  },
};
