import type { Core } from '@strapi/strapi';
import { productionSecretsRefusal } from 'clinic-domain';

/** Where each of Strapi's own secrets ends up in the loaded configuration, by the variable that sets it. */
const STRAPI_SECRETS: Record<string, string> = {
  APP_KEYS: 'server.app.keys',
  ADMIN_JWT_SECRET: 'admin.auth.secret',
  API_TOKEN_SALT: 'admin.apiToken.salt',
  TRANSFER_TOKEN_SALT: 'admin.transfer.token.salt',
  ENCRYPTION_KEY: 'admin.secrets.encryptionKey',
  JWT_SECRET: 'plugin::users-permissions.jwtSecret',
};

/**
 * With NODE_ENV=production the CMS does not start on an empty or published demo secret
 * (config/*.ts default to the demo's). Reads the loaded configuration, so a value set in
 * config/env/production/*.ts counts as much as one from the environment.
 */
export function refuseUnsafeStrapiSecrets(strapi: Core.Strapi): void {
  const secrets = Object.fromEntries(Object.entries(STRAPI_SECRETS).map(([name, path]) => [name, strapi.config.get(path)]));
  const refusal = productionSecretsRefusal({ nodeEnv: strapi.config.get('environment'), server: 'the CMS', secrets });
  if (refusal) throw new Error(refusal);
}
