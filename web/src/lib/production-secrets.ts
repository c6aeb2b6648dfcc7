import { productionSecretsRefusal } from 'clinic-domain';

/**
 * In production the site does not start on an empty or published demo secret: the preview
 * secret reads every draft from the CMS and signs preview links, and the webhook secret lets
 * a caller purge the page cache. An error thrown from instrumentation only makes Next answer
 * 500 to every request while the process stays up, so the refusal exits instead: a process
 * manager sees the failure and the message.
 */
export function exitOnUnsafeSecrets(env: Record<string, string | undefined> = process.env): void {
  const refusal = productionSecretsRefusal({
    nodeEnv: process.env.NODE_ENV,
    server: 'the site',
    secrets: { PREVIEW_SECRET: env.PREVIEW_SECRET, CLINIC_WEBHOOK_SECRET: env.CLINIC_WEBHOOK_SECRET },
  });
  if (!refusal) return;
  console.error(refusal);
  process.exit(1);
}
