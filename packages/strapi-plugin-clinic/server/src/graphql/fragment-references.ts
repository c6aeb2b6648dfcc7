import { Kind, parse, visit, type DocumentNode } from 'graphql';

/**
 * Strapi's depth rule (graphql-depth-limit) walks fragments before graphql-js validates
 * them: a spread of an unknown fragment, or fragments that spread each other with no field
 * between, crash it, and Apollo answers a 500. They are invalid operations: this answers
 * them with graphql-js's own message, a 400, before Apollo runs.
 */
export function fragmentProblem(document: DocumentNode): string | null {
  const spreadsOf = new Map<string, string[]>();
  const defined = new Set<string>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) defined.add(definition.name.value);
  let unknown: string | null = null;
  for (const definition of document.definitions) {
    const spreads: string[] = [];
    visit(definition, {
      FragmentSpread(node) {
        if (!defined.has(node.name.value)) unknown ??= node.name.value;
        spreads.push(node.name.value);
      },
    });
    if (definition.kind === Kind.FRAGMENT_DEFINITION) spreadsOf.set(definition.name.value, spreads);
  }
  if (unknown) return `Unknown fragment "${unknown}".`;
  // Depth-first search for a fragment reached again while it is still being walked.
  const state = new Map<string, 'walking' | 'done'>();
  const cycleFrom = (name: string): string | null => {
    if (state.get(name) === 'done') return null;
    if (state.get(name) === 'walking') return name;
    state.set(name, 'walking');
    for (const next of spreadsOf.get(name) ?? []) {
      const found = cycleFrom(next);
      if (found) return found;
    }
    state.set(name, 'done');
    return null;
  };
  for (const name of spreadsOf.keys()) {
    const found = cycleFrom(name);
    if (found) return `Cannot spread fragment "${found}" within itself.`;
  }
  return null;
}

/** What the GraphQL route's own body parser accepts (koa-bodyparser's JSON default). */
const MAX_JSON_BYTES = 1024 * 1024;

/** The parsed body of a plain JSON request (`null` included), or undefined when it is not one this reads (the route's parser then does). */
async function readPlainJson(ctx: any): Promise<unknown> {
  if (ctx.method !== 'POST' || !ctx.is('application/json') || ctx.get('content-encoding') || Number(ctx.get('content-length') || 0) > MAX_JSON_BYTES) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON_BYTES) ctx.throw(413, 'The request body is larger than 1 MB.');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    ctx.throw(400, 'The request body is not valid JSON.');
  }
}

/**
 * Mounted after `strapi::body` (cms/config/middlewares.ts). Strapi leaves the body of the exact
 * GraphQL endpoint to the GraphQL route, so a plain JSON body is read here (and handed on as
 * parsed: the route's parser then leaves it) to check the operation before Apollo validates it.
 */
export const fragmentReferencesMiddleware = (_config: unknown, { strapi }: { strapi: any }) => {
  const endpoint = String(strapi.plugin('graphql')?.config('endpoint') ?? '/graphql').toLowerCase().replace(/\/$/, '');
  return async (ctx: any, next: () => Promise<unknown>) => {
    if (ctx.path.toLowerCase().replace(/\/$/, '') !== endpoint) return next();
    if (ctx.request.body === undefined && ctx.method === 'POST') {
      const parsed = await readPlainJson(ctx);
      if (parsed !== undefined) ctx.request.body = parsed;
    }
    // Apollo's Koa integration fails (a 500) on a POST body that is missing, null or not an object.
    const body = ctx.request.body;
    const noBody = body === undefined && !Number(ctx.get('content-length') || 0) && !ctx.get('transfer-encoding');
    if (ctx.method === 'POST' && (noBody || (body !== undefined && (typeof body !== 'object' || body === null)))) {
      ctx.status = 400;
      ctx.body = { errors: [{ message: 'POST body missing: send a JSON object with a `query`.', extensions: { code: 'BAD_REQUEST' } }] };
      return;
    }
    const query = ctx.method === 'GET' ? ctx.query?.query : (ctx.request.body as { query?: unknown } | null)?.query;
    if (typeof query !== 'string' || !query.includes('...')) return next();
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: MAX_TOKENS_TO_CHECK });
    } catch {
      return next(); // Apollo answers a syntax error (or too many tokens) itself, with a 400.
    }
    const problem = fragmentProblem(document);
    if (!problem) return next();
    ctx.status = 400;
    ctx.body = { errors: [{ message: problem, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] };
  };
};

// Apollo refuses operations over the configured token limit anyway; this check stops at the same order of size.
const MAX_TOKENS_TO_CHECK = 5000;
