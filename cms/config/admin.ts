export default ({ env }: { env: any }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET', 'demo-admin-jwt-secret-change-me') },
  apiToken: { salt: env('API_TOKEN_SALT', 'demo-api-token-salt-change-me') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', 'demo-transfer-salt-change-me') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY', 'demo-encryption-key-change-me') },
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
