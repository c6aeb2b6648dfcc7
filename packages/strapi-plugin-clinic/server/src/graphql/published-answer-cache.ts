import type { Core } from '@strapi/strapi';
import { clinicRepository } from '../repository/clinic-repository';

/**
 * Answers to anonymous GraphQL reads, kept until the database changes. The site asks the same
 * few operations with the same variables again and again (every page render, every instance);
 * their answer changes only when something is written. Only what anyone may read is kept: a
 * POST with no credential of any kind (no Authorization, preview secret or cookie), answered
 * 200 without errors; the key is the exact request body. Any write to any model (content,
 * locales, permissions, settings) empties the cache, again once its transaction commits, and a
 * read that overlapped a write is not kept. A minute's expiry bounds what a write made outside
 * this process (another CMS instance on the same database) leaves behind.
 */
const MAX_ENTRIES = 500;
const MAX_BODY_BYTES = 512 * 1024;
const TTL_MS = 60_000;

const WRITE_EVENTS = ['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany'] as const;
const CREDENTIAL_HEADERS = ['authorization', 'x-preview-secret', 'cookie'];

interface Entry {
  body: string;
  at: number;
}

export function publishedAnswerCache(strapi: Core.Strapi) {
  const endpoint = String(strapi.plugin('graphql').config('endpoint') ?? '/graphql');
  const answers = new Map<string, Entry>();
  let generation = 0;
  const forget = () => {
    generation += 1;
    answers.clear();
  };
  const afterWrite = () => {
    forget();
    void clinicRepository(strapi)
      .afterCommit(forget)
      .catch(() => undefined);
  };
  strapi.db.lifecycles.subscribe(Object.fromEntries(WRITE_EVENTS.map((event) => [event, afterWrite])) as any);

  return async (ctx: any, next: () => Promise<unknown>) => {
    // Exactly the URL Strapi's own body parser leaves to the GraphQL route (other spellings it parses itself, and are not kept).
    if (ctx.method !== 'POST' || ctx.url !== endpoint || !ctx.is('application/json')) return next();
    if (CREDENTIAL_HEADERS.some((name) => ctx.get(name) !== '')) return next();
    const key = await rawBody(ctx);
    if (key === null) return next();

    const kept = answers.get(key);
    if (kept && Date.now() - kept.at < TTL_MS) {
      // Most recently used last, so that the oldest is dropped first.
      answers.delete(key);
      answers.set(key, kept);
      ctx.status = 200;
      ctx.type = 'application/json';
      ctx.body = kept.body;
      return;
    }
    const startedAt = generation;
    await next();
    const body = typeof ctx.body === 'string' ? ctx.body : null;
    if (ctx.status !== 200 || body === null || startedAt !== generation || body.length > MAX_BODY_BYTES || !body.startsWith('{"data"') || body.includes('"errors"')) return;
    answers.set(key, { body, at: Date.now() });
    if (answers.size > MAX_ENTRIES) answers.delete(answers.keys().next().value!);
  };
}

/**
 * Reads the JSON body (when its length is declared and small) and hands it on parsed, as the
 * GraphQL route's body parser would: it leaves a body already parsed alone. Text that is not
 * JSON is the caller's mistake, a 400 saying so, as the parser answers.
 */
async function rawBody(ctx: any): Promise<string | null> {
  const length = Number(ctx.get('content-length') || NaN);
  if (!Number.isFinite(length) || length > MAX_BODY_BYTES || ctx.request.body !== undefined) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    ctx.request.body = JSON.parse(text);
  } catch {
    ctx.throw(400, 'The request body is not valid JSON.');
  }
  ctx.request.rawBody = text;
  return text;
}
