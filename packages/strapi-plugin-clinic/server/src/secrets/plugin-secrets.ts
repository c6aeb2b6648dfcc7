import { productionSecretsRefusal } from 'clinic-domain';

/**
 * Strapi validates a plugin's config before anything listens, so a clinic installing this
 * plugin cannot run production on a published or missing secret. Each secret is checked
 * only when in use: preview when a preview secret is set, webhooks when they have a URL.
 */
export function refuseUnsafePluginSecrets(
  config: { previewSecret: string; webhookUrls: string[]; webhookSecret: string },
  nodeEnv: string | undefined = process.env.NODE_ENV,
): void {
  const refusal = productionSecretsRefusal({
    nodeEnv,
    server: 'the CMS',
    secrets: {
      ...(config.previewSecret ? { PREVIEW_SECRET: config.previewSecret } : {}),
      ...(config.webhookUrls.length > 0 ? { CLINIC_WEBHOOK_SECRET: config.webhookSecret } : {}),
    },
  });
  if (refusal) throw new Error(refusal);
}
