import type { Core } from '@strapi/strapi';
import { ensureInitialLocales } from './locales/locales';
import { grantPublicRead } from './permissions/public-read';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureInitialLocales(strapi);
  await grantPublicRead(strapi);
};
