import { DEMO_SECRETS } from 'clinic-domain';

export default ({ env }: { env: any }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: { keys: env.array('APP_KEYS', [...DEMO_SECRETS.APP_KEYS]) },
  // Remote data transfer (`strapi transfer`) pushes or pulls the whole database: off unless asked for.
  transfer: { remote: { enabled: env.bool('TRANSFER_REMOTE_ENABLED', false) } },
});
