import type { Core } from '@strapi/strapi';
import { signWebhook } from 'clinic-domain';
import type { ClinicPluginConfig } from '../config';

/** The headers the site's revalidation route reads the signature and its timestamp from. */
export const SIGNATURE_HEADER = 'x-clinic-signature';
export const TIMESTAMP_HEADER = 'x-clinic-timestamp';

export interface ClinicEvent {
  event: 'approve' | 'publish' | 'unpublish' | 'delete';
  contentType: string;
  documentId: string;
  locale: string;
}

/**
 * Tells the site what changed so it can refresh those pages. Delivery never blocks or
 * fails an approval or a publication: the content is saved either way, and a failed
 * delivery is logged (the site also expires its cache on its own).
 */
export function webhookService(strapi: Core.Strapi) {
  const pending = new Set<Promise<void>>();

  async function deliver(url: string, secret: string, body: string) {
    const timestamp = Math.floor(Date.now() / 1000);
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body), [TIMESTAMP_HEADER]: String(timestamp) },
          body,
          signal: AbortSignal.timeout(5000),
        });
        if (res.ok) return;
        strapi.log.warn(`[clinic] webhook ${url} answered ${res.status} (attempt ${attempt})`);
      } catch (error) {
        strapi.log.warn(`[clinic] webhook ${url} failed: ${(error as Error).message} (attempt ${attempt})`);
      }
      await new Promise((r) => setTimeout(r, 250 * attempt));
    }
  }

  return {
    announce(event: ClinicEvent): void {
      const { webhookUrls, webhookSecret } = strapi.config.get('plugin::clinic') as ClinicPluginConfig;
      if (!webhookSecret || webhookUrls.length === 0) return;
      const body = JSON.stringify({ ...event, occurredAt: new Date().toISOString() });
      for (const url of webhookUrls) {
        const delivery = deliver(url, webhookSecret, body).finally(() => pending.delete(delivery));
        pending.add(delivery);
      }
    },
    /** Waits for deliveries under way (tests, and a graceful shutdown). */
    async settle(): Promise<void> {
      await Promise.all([...pending]);
    },
  };
}

export type WebhookService = ReturnType<typeof webhookService>;
