import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ReviewDigestService } from './review-digest-service';
import type { ClinicPluginConfig } from '../../config';

const SUPER_ADMIN_ROLE_CODE = 'strapi-super-admin';

export function reviewDigestController(strapi: Core.Strapi) {
  return {
    /** A super admin sends today's reminders now (each recipient still gets at most one a day). */
    async sendNow(ctx: any) {
      const roles: Array<{ code: string }> = ctx.state.user?.roles ?? [];
      if (!roles.some((role) => role.code === SUPER_ADMIN_ROLE_CODE)) throw new errors.ForbiddenError('Only super admins send review reminders by hand.');
      if (!(strapi.config.get('plugin::clinic') as ClinicPluginConfig).reviewDigest.enabled) {
        throw new errors.ValidationError('Review reminders are off: set CLINIC_REVIEW_DIGEST_ENABLED=true (and the SMTP_ settings) to send them.');
      }
      const run = await (strapi.plugin('clinic').service('reviewDigest') as ReviewDigestService).send();
      ctx.body = { data: run };
    },
  };
}
