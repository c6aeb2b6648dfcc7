import type { Core } from '@strapi/strapi';
import { guardLiveMedia } from './draft-protection/live-media-guard';
import { guardUploadTypes } from './uploads/upload-type-guard';
import { ensureInitialLocales, forgetLocalesOnChange, guardLocaleDeletion } from './locales/locales';
import { medicalContentTypesOf, type ClinicPluginConfig } from './config';
import { coverNewLocales, registerReviewActions } from './review/roles';
import { reviewLog } from './review/review-log';
import { reviewDigestService } from './review/digest/review-digest-service';
import { startAnnouncementDelivery } from './webhooks/announcement-delivery';
import { alignClinicWideSettings } from './content-types/clinic/clinic-wide-settings';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  forgetLocalesOnChange(strapi);
  coverNewLocales(strapi);
  guardLiveMedia(strapi);
  guardUploadTypes(strapi);
  guardLocaleDeletion(strapi, () => medicalContentTypesOf(strapi.config.get('plugin::clinic') as ClinicPluginConfig));
  await ensureInitialLocales(strapi);
  // Before the admin's own bootstrap, which drops permissions of unknown actions.
  await registerReviewActions(strapi);
  await reviewLog(strapi).ensureSequenceIndex();
  await reviewDigestService(strapi).schedule();
  await startAnnouncementDelivery(strapi);
  await alignClinicWideSettings(strapi);
};
