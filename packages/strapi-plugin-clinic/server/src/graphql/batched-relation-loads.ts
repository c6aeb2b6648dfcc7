import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';

/**
 * GraphQL's relation and component resolvers (@strapi/plugin-graphql) each call
 * `strapi.db.query(uid).load(parent, field, query)`, which costs two SQL statements per parent
 * and field: the parent's id, then the relation. A procedure page asked for ~34 statements, two
 * per section for its steps alone. During a GraphQL request, the loads of one turn of the event
 * loop are gathered by content type and sent as one `findMany` over all their parents, which
 * populates every field asked for: one statement for the parents and one per field, whatever
 * the number of parents. The result of each load is exactly what Strapi's own `load` returns.
 */

type Populate = Record<string, unknown> | true;
type Load = (uid: string, entity: { id?: unknown }, fields: string | string[], populate?: Populate) => Promise<unknown>;

interface PendingLoad {
  id: number | string;
  field: string;
  populate: Populate;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const requestLoads = new AsyncLocalStorage<Map<string, PendingLoad[]>>();

/** Patches the entity manager's `load`; loads outside a GraphQL request, or in a transaction, run as before. */
export function batchRelationLoads(strapi: Core.Strapi): void {
  const entityManager = (strapi.db as any).entityManager;
  const load: Load = entityManager.load.bind(entityManager);

  entityManager.load = function batchedLoad(uid: string, entity: { id?: unknown }, fields: string | string[], populate?: Populate) {
    const pendingByUid = requestLoads.getStore();
    const id = entity?.id;
    if (!pendingByUid || typeof fields !== 'string' || (typeof id !== 'number' && typeof id !== 'string') || strapi.db.inTransaction()) {
      return load(uid, entity, fields, populate);
    }
    let pending = pendingByUid.get(uid);
    if (!pending) {
      pending = [];
      pendingByUid.set(uid, pending);
      // Once the resolvers of this turn have all asked (they await validation and sanitizing first).
      setImmediate(() => {
        pendingByUid.delete(uid);
        void loadTogether(uid, pending!);
      });
    }
    return new Promise((resolve, reject) => pending!.push({ id, field: fields, populate: populate ?? true, resolve, reject }));
  };

  async function loadTogether(uid: string, pending: PendingLoad[]) {
    // One query per round; a field asked for with two different queries goes in two rounds.
    const rounds: Array<Map<string, { variant: string; requests: PendingLoad[] }>> = [];
    try {
      for (const request of pending) {
        const variant = JSON.stringify(request.populate);
        let round = rounds.find((r) => (r.get(request.field)?.variant ?? variant) === variant);
        if (!round) rounds.push((round = new Map()));
        const same = round.get(request.field) ?? { variant, requests: [] };
        same.requests.push(request);
        round.set(request.field, same);
      }
    } catch {
      // A query that is not plain data (cannot be compared): each load on its own, as Strapi does.
      for (const request of pending) load(uid, { id: request.id }, request.field, request.populate).then(request.resolve, request.reject);
      return;
    }
    await Promise.all(rounds.map((round) => loadRound(uid, new Map([...round].map(([field, { requests }]) => [field, requests])))));
  }

  async function loadRound(uid: string, byField: Map<string, PendingLoad[]>) {
    const requests = [...byField.values()].flat();
    const ids = [...new Set(requests.map((r) => r.id))];
    try {
      if (ids.length === 1 && requests.length === 1) {
        const only = requests[0]!;
        only.resolve(await load(uid, { id: only.id }, only.field, only.populate));
        return;
      }
      // A page's limit and offset are per parent: the rows of all parents are read, then each parent's page is cut.
      const populate = Object.fromEntries([...byField].map(([field, [first]]) => [field, ids.length > 1 ? withoutPaging(first!.populate) : first!.populate]));
      const rows: Array<Record<string, unknown>> = await strapi.db.query(uid as any).findMany({ select: ['id'], where: { id: { $in: ids } }, populate });
      const rowById = new Map(rows.map((row) => [String(row.id), row]));
      for (const request of requests) {
        const row = rowById.get(String(request.id));
        request.resolve(row ? pageOf(row[request.field], request.populate, ids.length > 1) : null);
      }
    } catch (error) {
      for (const request of requests) request.reject(error);
    }
  }
}

function withoutPaging(populate: Populate): Populate {
  if (populate === true) return true;
  const { limit: _limit, offset: _offset, ...rest } = populate;
  return rest;
}

function pageOf(value: unknown, populate: Populate, paged: boolean): unknown {
  if (!paged || populate === true || !Array.isArray(value)) return value;
  const offset = Number(populate.offset ?? 0);
  const limit = populate.limit === undefined || populate.limit === null ? undefined : Number(populate.limit);
  return value.slice(offset, limit === undefined ? undefined : offset + limit);
}

/** Koa middleware: the loads of a GraphQL request are gathered (see above); other requests are untouched. */
export function gatherGraphqlLoads(strapi: Core.Strapi) {
  const endpoint = String(strapi.plugin('graphql').config('endpoint') ?? '/graphql').toLowerCase().replace(/\/$/, '');
  return (ctx: { path: string }, next: () => Promise<unknown>) => {
    if (ctx.path.toLowerCase().replace(/\/$/, '') !== endpoint) return next();
    return requestLoads.run(new Map(), next);
  };
}
