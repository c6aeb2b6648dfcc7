import type { Core } from '@strapi/strapi';
import { clinicRepository } from '../repository/clinic-repository';
import type { WebhookService } from './webhook-service';

/** At boot: the outbox's indexes, then the delivery worker, which sends what was left pending at once. */
export async function startAnnouncementDelivery(strapi: Core.Strapi): Promise<void> {
  await clinicRepository(strapi).ensureAnnouncementIndexes();
  (strapi.plugin('clinic').service('webhooks') as WebhookService).start();
}
