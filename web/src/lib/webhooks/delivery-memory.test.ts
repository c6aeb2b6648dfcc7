import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { createClient } from 'redis';
import { inProcessDeliveryMemory, redisDeliveryMemory, type DeliveryMemory, type RedisLike } from './delivery-memory';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';

/** What every memory promises: first arrival true, a repeat false until it is forgotten or expires. */
function behavesAsMemory(make: () => { memory: DeliveryMemory; wait(seconds: number): Promise<void> }) {
  it('recognizes a delivery id it has seen, and only that one', async () => {
    const { memory } = make();
    const [ID, OTHER] = [randomUUID(), randomUUID()];
    expect(await memory.rememberFirst(ID, 60)).toBe(true);
    expect(await memory.rememberFirst(ID, 60)).toBe(false);
    expect(await memory.rememberFirst(OTHER, 60)).toBe(true);
  });

  it('forgets an id after its time, or when told to', async () => {
    const { memory, wait } = make();
    const ID = randomUUID();
    expect(await memory.rememberFirst(ID, 1)).toBe(true);
    await wait(1.1);
    expect(await memory.rememberFirst(ID, 60)).toBe(true);
    await memory.forget(ID);
    expect(await memory.rememberFirst(ID, 60)).toBe(true);
  });
}

describe('in-process memory', () => {
  behavesAsMemory(() => {
    let now = 1_800_000_000_000;
    return {
      memory: inProcessDeliveryMemory(() => now),
      wait: async (seconds) => {
        now += seconds * 1000;
      },
    };
  });

  it('of one process only: a second instance does not know what the first saw', async () => {
    expect(await inProcessDeliveryMemory().rememberFirst(ID, 60)).toBe(true);
    expect(await inProcessDeliveryMemory().rememberFirst(ID, 60)).toBe(true);
  });
});

describe('Redis memory, against a fake client', () => {
  it('uses one atomic SET NX EX per arrival, the TTL rounded up to whole seconds', async () => {
    const calls: unknown[][] = [];
    const fake: RedisLike = {
      set: async (...args) => (calls.push(args), calls.length === 1 ? 'OK' : null),
      del: async () => 1,
    };
    const memory = redisDeliveryMemory(async () => fake);
    expect(await memory.rememberFirst(ID, 300.2)).toBe(true);
    expect(await memory.rememberFirst(ID, 0)).toBe(false);
    expect(calls).toEqual([
      [`clinic:webhook-delivery:${ID}`, '1', { condition: 'NX', expiration: { type: 'EX', value: 301 } }],
      [`clinic:webhook-delivery:${ID}`, '1', { condition: 'NX', expiration: { type: 'EX', value: 1 } }],
    ]);
  });

  it('lets a Redis failure through, for the route to answer 503', async () => {
    const memory = redisDeliveryMemory(async () => Promise.reject(new Error('connection refused')));
    await expect(memory.rememberFirst(ID, 60)).rejects.toThrow('connection refused');
  });
});

// A real redis-server of the test's own (Debian's redis-server package), shared by two "instances".
const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';
const describeWithRedis = existsSync(REDIS_SERVER) ? describe : describe.skip;
if (!existsSync(REDIS_SERVER)) console.warn(`Skipping the Redis delivery memory tests: ${REDIS_SERVER} is not installed (apt-get install redis-server).`);

describeWithRedis('Redis memory, shared by site instances', () => {
  let server: ChildProcess;
  const clients: Array<ReturnType<typeof createClient>> = [];

  const freePort = () =>
    new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });

  let url = '';
  beforeAll(async () => {
    const port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    server = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    for (let tries = 0; ; tries++) {
      try {
        const client = createClient({ url });
        await client.connect();
        await client.quit();
        break;
      } catch (error) {
        if (tries > 50) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });
  afterAll(async () => {
    for (const client of clients) await client.quit().catch(() => undefined);
    server?.kill('SIGTERM');
  });

  /** Each call is one site instance: its own connection to the same Redis. */
  const instance = () =>
    redisDeliveryMemory(async () => {
      const client = createClient({ url });
      clients.push(client);
      await client.connect();
      return client as unknown as RedisLike;
    });

  behavesAsMemory(() => ({ memory: instance(), wait: (seconds) => new Promise((r) => setTimeout(r, seconds * 1000)) }));

  it('a delivery one instance acted on is recognized by another, and of simultaneous arrivals exactly one is first', async () => {
    const id = '0d6f4a2b-1c3e-4f5a-9b8c-7d6e5f4a3b2c';
    const [a, b] = [instance(), instance()];
    expect(await a.rememberFirst(id, 60)).toBe(true);
    expect(await b.rememberFirst(id, 60)).toBe(false);

    const race = 'c0ffee00-1234-4abc-8def-001122334455';
    const firsts = await Promise.all([a, b, instance(), instance()].map((memory) => memory.rememberFirst(race, 60)));
    expect(firsts.filter(Boolean)).toHaveLength(1);
  });
});
