import type { Core } from '@strapi/strapi';
import { ensureInitialLocales, forgetLocalesOnChange } from './locales/locales';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  forgetLocalesOnChange(strapi);
  await ensureInitialLocales(strapi);
};
