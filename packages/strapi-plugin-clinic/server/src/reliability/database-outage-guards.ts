import type { Core } from '@strapi/strapi';
import { isDatabaseUnavailable } from 'clinic-domain';

/**
 * Two places where Strapi meets a database restart without anyone to tell, which without these
 * guards either stall the pool or end the CMS process (Node ends a process on an unhandled
 * rejection). Installed by the plugin's register, before the first query.
 */

interface SetupDialect {
  initialize(nativeConnection: unknown): Promise<void>;
}

type AfterCommit = (callback: () => unknown) => void;
interface TransactionParams {
  onCommit?: AfterCommit;
  onRollback?: AfterCommit;
  [key: string]: unknown;
}
interface TransactionalDatabase {
  transaction(callback?: (params: TransactionParams) => unknown): Promise<unknown>;
}

/** The parts of a knex transaction that say how its COMMIT went. */
interface KnexTransaction {
  isCompleted?: () => boolean;
  executionPromise?: Promise<unknown>;
}

/** Strapi's transaction without a callback (its entity manager's relation writes). */
interface ManualTransaction {
  commit(): Promise<void>;
  rollback(): Promise<void>;
  get(): unknown;
}

async function handOverWithCheckedCommit(opening: Promise<ManualTransaction>): Promise<ManualTransaction> {
  const manual = await opening;
  return {
    ...manual,
    async commit() {
      await manual.commit();
      await committed(manual.get());
    },
  };
}

/**
 * knex answers `commit()` with success even when the COMMIT itself failed (the connection was
 * cut as it was sent, so the database rolled the work back): the failure only rejects the
 * transaction's own promise, which Strapi never reads. Without this, an approval or a publish
 * the database never stored was answered as done. Only the outermost transaction is checked
 * (a nested one shares it and is not completed when its callback returns).
 */
async function committed(trx: unknown): Promise<void> {
  // A knex transaction is a function (it builds queries) with these as properties.
  const knex = trx as KnexTransaction | null;
  if (knex && (typeof knex === 'function' || typeof knex === 'object') && knex.isCompleted?.() && knex.executionPromise) await knex.executionPromise;
}

type Log = Pick<Core.Strapi['log'], 'warn' | 'error'>;

/**
 * Strapi sets every new connection up (PostgreSQL: `SET search_path`) in the pool's create step
 * and only ever reports success to the pool: when the database restarts between the connect and
 * that statement, the create never finishes, requests queue behind it until the acquire timeout,
 * and the rejection goes unhandled. A failed set-up instead hands the connection over marked dead
 * (knex's own mark for a cut connection), so the pool's validation discards it on the next
 * acquire and opens a fresh one.
 */
export function settleConnectionSetup(strapi: Core.Strapi) {
  const dialect = (strapi.db as unknown as { dialect?: SetupDialect } | undefined)?.dialect;
  if (!dialect || typeof dialect.initialize !== 'function') return;
  const initialize = dialect.initialize.bind(dialect);
  dialect.initialize = async (nativeConnection: any) => {
    try {
      await initialize(nativeConnection);
    } catch (error) {
      strapi.log.warn(`A new database connection could not be set up and is discarded: ${(error as Error)?.message ?? error}`);
      if (nativeConnection && typeof nativeConnection === 'object') nativeConnection.__knex__disposed = error;
    }
  };
}

/** Where the failed work came from, when a request started it: the model, the route's action and the request line. */
export function requestContextOf(strapi: Pick<Core.Strapi, 'requestContext'> | { requestContext?: unknown }): string {
  let ctx: any;
  try {
    ctx = (strapi.requestContext as { get?: () => unknown } | undefined)?.get?.();
  } catch {
    return '';
  }
  if (!ctx || typeof ctx !== 'object') return '';
  const model = ctx.params?.model ?? ctx.params?.uid ?? ctx.state?.route?.info?.contentTypeUid;
  const action = ctx.state?.route?.handler;
  const parts = [
    typeof model === 'string' ? `model ${model}` : null,
    typeof action === 'string' ? `action ${action}` : null,
    typeof ctx.method === 'string' && typeof ctx.path === 'string' ? `${ctx.method} ${ctx.path}` : null,
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

const describe = (error: unknown) =>
  error instanceof Error ? `${error.name && error.name !== 'Error' ? `${error.name}: ` : ''}${error.message}` : String(error);

const report = (log: Log, what: string, context = '') => (error: unknown) => {
  const message = `${what}${context}: ${describe(error)}`;
  if (isDatabaseUnavailable(error)) log.warn(`${message} (the database was unavailable)`);
  else log.error(message);
};

/**
 * The promise handed to whoever called `transaction`: it remembers whether anyone took its
 * result (`await`, `then`, `catch`, `finally` all go through `then` for a subclass), so a failure
 * no one will hear of can be logged, and one a caller handles is not logged twice.
 */
class HeardTransaction<T> extends Promise<T> {
  heard = false;
  static override get [Symbol.species]() {
    return Promise;
  }
  override then<A = T, B = never>(onFulfilled?: ((value: T) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    this.heard = true;
    return super.then(onFulfilled, onRejected);
  }
}

/**
 * Work that runs after a transaction commits (Strapi's own entry events read the entry back
 * then) is started and never awaited, and Strapi opens a transaction for it without awaiting
 * that either: a database restart at that moment rejected with no one to answer and ended the
 * process. Such work now reports every failure in the log (an outage as a warning, anything
 * else as an error, with the request that started it), and a transaction whose failure no one
 * takes is logged the same way instead of vanishing. A caller that awaits its transaction still
 * receives every error, as before, and it is not logged for it.
 */
export function settleAfterCommitWork(strapi: Core.Strapi) {
  const db = strapi.db as unknown as TransactionalDatabase | undefined;
  if (!db || typeof db.transaction !== 'function') return;
  const transaction = db.transaction.bind(db);
  const guard = (register: AfterCommit | undefined, what: string, context: string): AfterCommit | undefined =>
    register &&
    ((callback) =>
      register(() => {
        let result: unknown;
        try {
          result = callback();
        } catch (error) {
          // The transaction has already committed (or rolled back): failing its caller now would
          // report a saved change as not saved.
          report(strapi.log, what, context)(error);
          return undefined;
        }
        if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(undefined, report(strapi.log, what, context));
        return result;
      }));
  db.transaction = (callback) => {
    if (!callback) return handOverWithCheckedCommit(transaction() as Promise<ManualTransaction>);
    const context = requestContextOf(strapi);
    let trx: unknown;
    const running = transaction((params) => {
      trx = params.trx;
      return callback({ ...params, onCommit: guard(params.onCommit, 'Work after a commit failed', context), onRollback: guard(params.onRollback, 'Work after a rollback failed', context) });
    }).then(async (result) => {
      await committed(trx);
      return result;
    });
    const handed = new HeardTransaction<unknown>((resolve, reject) => running.then(resolve, reject));
    // Handled, without counting as heard: a rejection no one takes must not end the process.
    Promise.prototype.then.call(handed, undefined, () => undefined);
    // Settled after the caller's own handlers were attached: the one Strapi starts for
    // after-commit work is never awaited, and its failure is logged instead of ending the process.
    running.then(undefined, (error: unknown) => {
      if (!handed.heard) report(strapi.log, 'A transaction no one waits for failed', context)(error);
      else if (isDatabaseUnavailable(error)) report(strapi.log, 'A transaction failed', context)(error);
    });
    return handed;
  };
}
