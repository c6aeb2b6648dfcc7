import type { Core } from '@strapi/strapi';
import { ensureInitialLocales } from './locales/locales';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureInitialLocales(strapi);
};
