import { EventEmitter } from 'node:events';
import { databaseUnavailableMiddleware } from './database-unavailable';

const cut = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
class ValidationError extends Error {}

const setup = () => {
  const connection = new EventEmitter();
  const strapi: any = { db: { connection }, log: { warn: jest.fn() } };
  const middleware = databaseUnavailableMiddleware(undefined, { strapi });
  const run = async (next: () => Promise<unknown>) => {
    const headers: Record<string, string> = {};
    const ctx: any = { method: 'POST', path: '/x', status: 404, body: undefined, set: (name: string, value: string) => (headers[name] = value) };
    await middleware(ctx, next);
    return { ctx, headers };
  };
  // A query of the request fails the way knex reports it: an event, in the request's async context.
  const queryFails = (error: unknown) => Promise.resolve().then(() => connection.emit('query-error', error, {}));
  return { run, queryFails };
};

describe('a request that meets the database unavailable', () => {
  it('answers 503 with Retry-After when the error itself says so', async () => {
    const { run } = setup();
    const { ctx, headers } = await run(async () => {
      throw cut;
    });
    expect(ctx.status).toBe(503);
    expect(headers['Retry-After']).toBe('5');
    expect(ctx.body.error.name).toBe('ServiceUnavailableError');
  });

  it('answers 503 when a query failed on a lost connection and the framework reported it as bad input', async () => {
    const { run, queryFails } = setup();
    const thrown = await run(async () => {
      await queryFails(cut);
      throw new ValidationError('Invalid relations');
    });
    expect(thrown.ctx.status).toBe(503);
    // Answered rather than thrown: the request's 4xx (here the 404 of nothing found) becomes the 503 too.
    const answered = await run(() => queryFails(cut));
    expect(answered.ctx.status).toBe(503);
  });

  it('leaves bad input, and failures of queries for other reasons, to the usual answers', async () => {
    const { run, queryFails } = setup();
    await expect(run(async () => { throw new ValidationError('Invalid relations'); })).rejects.toThrow('Invalid relations');
    await expect(
      run(async () => {
        await queryFails(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }));
        throw new ValidationError('This attribute must be unique');
      }),
    ).rejects.toThrow('must be unique');
  });

  it('does not blame one request for an outage another request met', async () => {
    const { run, queryFails } = setup();
    let release!: () => void;
    const other = run(() => new Promise<void>((resolve) => (release = resolve)).then(() => { throw new ValidationError('Invalid relations'); }));
    await run(async () => queryFails(cut)).catch(() => undefined);
    release();
    await expect(other).rejects.toThrow('Invalid relations');
  });
});
