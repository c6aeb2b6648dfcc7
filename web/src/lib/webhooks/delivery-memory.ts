import { createClient } from 'redis';

/**
 * The delivery ids the revalidation route has acted on, so that a delivery re-sent (a retry
 * whose answer was lost, a captured call replayed) is recognized and not acted on twice.
 * Shared by every site instance through Redis when REDIS_URL is set; otherwise one process's
 * memory, which is enough for a single instance.
 */
export interface DeliveryMemory {
  /** Remembers the id for `seconds`; true when it was not remembered yet (the first arrival). */
  rememberFirst(deliveryId: string, seconds: number): Promise<boolean>;
  /** Forgets the id (acting on it failed: the sender's retry must be acted on). */
  forget(deliveryId: string): Promise<void>;
}

export function inProcessDeliveryMemory(now: () => number = Date.now): DeliveryMemory {
  const expiries = new Map<string, number>();
  const forgetExpired = (at: number) => {
    for (const [id, expiry] of expiries) if (expiry <= at) expiries.delete(id);
  };
  return {
    async rememberFirst(deliveryId, seconds) {
      const at = now();
      forgetExpired(at);
      if (expiries.has(deliveryId)) return false;
      expiries.set(deliveryId, at + seconds * 1000);
      return true;
    },
    async forget(deliveryId) {
      expiries.delete(deliveryId);
    },
  };
}

/** What the Redis memory needs of a client (node-redis's SET and DEL). */
export interface RedisLike {
  set(key: string, value: string, options: { condition: 'NX'; expiration: { type: 'EX'; value: number } }): Promise<string | null>;
  del(key: string): Promise<number>;
}

const KEY_PREFIX = 'clinic:webhook-delivery:';

export function redisDeliveryMemory(client: () => Promise<RedisLike>): DeliveryMemory {
  return {
    async rememberFirst(deliveryId, seconds) {
      // SET NX is atomic: of two instances receiving the same delivery, one gets 'OK'.
      const reply = await (await client()).set(KEY_PREFIX + deliveryId, '1', { condition: 'NX', expiration: { type: 'EX', value: Math.max(1, Math.ceil(seconds)) } });
      return reply === 'OK';
    },
    async forget(deliveryId) {
      await (await client()).del(KEY_PREFIX + deliveryId);
    },
  };
}

type Shared = { memory?: DeliveryMemory };
// One per process, kept across Next's module reloads.
const shared = globalThis as typeof globalThis & { __clinicDeliveryMemory?: Shared };

/** The memory this process uses: Redis when REDIS_URL is set, else its own. */
export function deliveryMemory(): DeliveryMemory {
  const holder = (shared.__clinicDeliveryMemory ??= {});
  if (holder.memory) return holder.memory;
  const url = process.env.REDIS_URL;
  if (!url) return (holder.memory = inProcessDeliveryMemory());

  let connecting: Promise<RedisLike> | null = null;
  const connect = () => {
    connecting ??= (async () => {
      // Without the offline queue a command fails at once while Redis is away, rather than waiting for it.
      const client = createClient({ url, disableOfflineQueue: true, socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(retries * 200, 2000) } });
      // Without a listener an error event would end the process; a failed command is answered 503 instead.
      client.on('error', (error: Error) => console.error(`[revalidate] Redis: ${error.message}`));
      await client.connect();
      return client as unknown as RedisLike;
    })().catch((error) => {
      connecting = null;
      throw error;
    });
    return connecting;
  };
  return (holder.memory = redisDeliveryMemory(connect));
}
