import type { Core } from '@strapi/strapi';
import { guardLiveMedia } from './draft-protection/live-media-guard';
import { ensureInitialLocales, forgetLocalesOnChange } from './locales/locales';
import { registerReviewActions } from './review/roles';
import { reviewLog } from './review/review-log';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  forgetLocalesOnChange(strapi);
  guardLiveMedia(strapi);
  await ensureInitialLocales(strapi);
  // Before the admin's own bootstrap, which drops permissions of unknown actions.
  await registerReviewActions(strapi);
  await reviewLog(strapi).ensureSequenceIndex();
};
