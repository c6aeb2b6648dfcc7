import { AsyncResource } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Core } from '@strapi/strapi';
import { retryDelayMs, signWebhook } from 'clinic-domain';
import type { ClinicPluginConfig } from '../config';
import { clinicRepository, type PendingAnnouncement } from '../repository/clinic-repository';

/** The headers the site's revalidation route reads the signature and its timestamp from. */
export const SIGNATURE_HEADER = 'x-clinic-signature';
export const TIMESTAMP_HEADER = 'x-clinic-timestamp';

export interface ClinicEvent {
  event: 'approve' | 'publish' | 'unpublish' | 'delete';
  contentType: string;
  documentId: string;
  locale: string;
}

// Rows claimed per look-up; a sweep keeps looking until nothing is due.
const BATCH = 20;
// Delivered announcements are kept a week for inspection, then forgotten.
const KEEP_DELIVERED_MS = 7 * 24 * 3600_000;

type Attempt = { ok: true } | { ok: false; error: string };

/**
 * Tells the site what changed so it can refresh those pages, through an outbox in the CMS's
 * database: `announce` writes one row per change and site address in the caller's
 * transaction (so a change and its announcement commit or roll back together), and the
 * delivery worker sends due rows until the site answers 2xx, waiting longer after each
 * failure (capped). Rows outlive a restart; several CMS instances on one database share the
 * work, each row claimed by one of them at a time. Each row has its own delivery id, signed
 * into the body, the same on every attempt: the site acts on it once and answers a repeat 2xx.
 */
export function webhookService(strapi: Core.Strapi) {
  const repository = clinicRepository(strapi);
  const config = () => strapi.config.get('plugin::clinic') as ClinicPluginConfig;
  const worker = `${hostname()}#${process.pid}#${randomUUID().slice(0, 8)}`;

  // Sweeps run in the async context of start() (no transaction), never in a caller's: they must
  // not see rows before they commit, nor wait on the caller's connection.
  let outside: AsyncResource | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let chain: Promise<void> = Promise.resolve();
  let queued: Promise<void> | null = null;
  let lastPrune = 0;

  async function attempt(url: string, secret: string, body: string, timeoutMs: number): Promise<Attempt> {
    // Signed afresh on each attempt, so a retry after the site's replay window is still accepted.
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body), [TIMESTAMP_HEADER]: String(timestamp) },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.body?.cancel().catch(() => undefined);
      return res.ok ? { ok: true } : { ok: false, error: `answered ${res.status}` };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { ok: false, error: `${(error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (error as Error).message}${cause ? ` (${cause})` : ''}` };
    }
  }

  /** Sends one claimed row and records the outcome; false when the site did not accept it. */
  async function deliver(row: PendingAnnouncement, settings: ClinicPluginConfig): Promise<boolean> {
    // Only to an address still configured: a removed address may belong to someone else by now.
    if (!settings.webhookUrls.includes(row.url)) {
      await repository.finishAnnouncementAttempt(row.id, worker, { state: 'dropped', attempts: row.attempts, lastError: 'The address is no longer in CLINIC_WEBHOOK_URLS.' });
      return true;
    }
    const outcome = await attempt(row.url, settings.webhookSecret, row.body, settings.webhookTimeoutMs);
    const attempts = row.attempts + 1;
    if (outcome.ok) {
      await repository.finishAnnouncementAttempt(row.id, worker, { state: 'delivered', attempts, lastError: null, deliveredAt: new Date() });
      return true;
    }
    const wait = retryDelayMs(attempts, settings.webhookRetry);
    strapi.log.warn(`[clinic] announcement ${row.deliveryId} to ${row.url} ${outcome.error} (attempt ${attempts}); next attempt in ${wait} ms`);
    await repository.finishAnnouncementAttempt(row.id, worker, { state: 'pending', attempts, nextAttemptAt: new Date(Date.now() + wait), lastError: outcome.error });
    return false;
  }

  /** Sends everything due, batch by batch, until nothing due is left that this worker could claim. */
  async function sweep(): Promise<void> {
    const settings = config();
    if (!settings.webhookSecret) return;
    // After one failure an address is not tried again in this sweep: a site that is down costs one call per sweep.
    const down = new Set<string>();
    const back = new Set<string>();
    const leaseMs = 2 * settings.webhookTimeoutMs + 10_000;
    while (!stopped) {
      const due = await repository.dueAnnouncements(new Date(), BATCH, [...down]);
      let claimedAny = false;
      for (const row of due) {
        if (stopped) return;
        if (down.has(row.url)) continue;
        const now = new Date();
        if (!(await repository.claimAnnouncement(row.id, worker, now, new Date(now.getTime() + leaseMs)))) continue;
        claimedAny = true;
        if (await deliver(row, settings)) {
          // The site accepts again: what failed while it was away need not wait out its backoff.
          if (!back.has(row.url)) await repository.hurryAnnouncements(row.url, new Date());
          back.add(row.url);
        } else {
          down.add(row.url);
        }
      }
      if (!claimedAny) break;
    }
    if (Date.now() - lastPrune > 3600_000) {
      lastPrune = Date.now();
      await repository.pruneAnnouncements(new Date(Date.now() - KEEP_DELIVERED_MS));
    }
  }

  /** Runs a sweep after the current one (at most one waits); resolves when it has run. */
  function requestSweep(): Promise<void> {
    if (!outside || stopped) return Promise.resolve();
    if (queued) return queued;
    const scope = outside;
    const next = chain.then(() => {
      queued = null;
      return scope.runInAsyncScope(() => sweep()).catch((error: Error) => {
        // The rows stay pending; the next sweep tries again.
        strapi.log.error(`[clinic] announcement delivery failed: ${error.message}`);
      });
    });
    queued = next;
    chain = next;
    return next;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => void requestSweep().finally(schedule), config().webhookPollMs);
    // The worker never keeps the process alive on its own.
    timer.unref();
  }

  return {
    /**
     * Queues announcements of changes: one row per change and configured site address, in the
     * caller's transaction when one is open; the worker sends them once it commits.
     */
    async announce(events: ClinicEvent | ClinicEvent[]): Promise<void> {
      const list = Array.isArray(events) ? events : [events];
      const { webhookUrls, webhookSecret } = config();
      if (!webhookSecret || webhookUrls.length === 0 || list.length === 0) return;
      const occurredAt = new Date().toISOString();
      const rows = list.flatMap((event) =>
        webhookUrls.map((url) => {
          const deliveryId = randomUUID();
          return { deliveryId, url, body: JSON.stringify({ ...event, occurredAt, deliveryId }) };
        }),
      );
      await repository.queueAnnouncements(rows, new Date());
      await repository.afterCommit(() => void requestSweep());
    },

    /** Starts the delivery worker: rows left pending (by a restart, or another instance) are sent at once. */
    start(): void {
      if (outside) return;
      stopped = false;
      outside = new AsyncResource('clinic-announcements');
      void requestSweep();
      schedule();
    },

    /** Stops the worker after the attempt under way; what is left is sent after the next start. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await chain;
      outside = null;
      queued = null;
    },

    /**
     * Sends what is due now and waits for it (tests, and a graceful shutdown). Inside a
     * transaction there is nothing of the caller's to send yet, and SQLite's one connection is
     * the caller's: it returns at once.
     */
    async settle(): Promise<void> {
      if (repository.inTransactionNow()) return;
      await requestSweep();
    },

    /** Pending and failing deliveries, for the admin. */
    backlog: () => repository.announcementBacklog(),

    /** This worker's name, as written in the rows it claims. */
    workerId: worker,
  };
}

export type WebhookService = ReturnType<typeof webhookService>;
