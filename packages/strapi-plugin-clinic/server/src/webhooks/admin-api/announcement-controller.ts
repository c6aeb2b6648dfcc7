import type { Core } from '@strapi/strapi';
import type { WebhookService } from '../webhook-service';

/** What the site has not been told yet: announcements waiting, how many have failed, the oldest one's age and error. */
export function announcementController(strapi: Core.Strapi) {
  return {
    async backlog(ctx: any) {
      ctx.body = { data: await (strapi.plugin('clinic').service('webhooks') as WebhookService).backlog() };
    },
  };
}
