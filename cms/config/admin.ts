import { DEMO_SECRETS } from 'clinic-domain';

// The demo defaults keep `pnpm start` simple; with NODE_ENV=production the CMS refuses them (src/index.ts).
export default ({ env }: { env: any }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET', DEMO_SECRETS.ADMIN_JWT_SECRET) },
  apiToken: { salt: env('API_TOKEN_SALT', DEMO_SECRETS.API_TOKEN_SALT) },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', DEMO_SECRETS.TRANSFER_TOKEN_SALT) } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY', DEMO_SECRETS.ENCRYPTION_KEY) },
  flags: { nps: false, promoteEE: false },
  // Sign-in attempts per minute are limited; browser tests sign in many times and turn it off.
  rateLimit: { enabled: env.bool('ADMIN_RATE_LIMIT', true) },
  // "Open preview" in the Content Manager shows the draft of the edited locale on the site.
  preview: {
    enabled: Boolean(env('PREVIEW_SECRET', '')),
    config: {
      allowedOrigins: [env('SITE_URL', 'http://localhost:3000')],
      async handler(uid: string, params: { documentId: string; locale?: string; status?: string }) {
        return strapi.plugin('clinic').service('preview').url(uid, params);
      },
    },
  },
});
