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

const report = (log: Log, what: string) => (error: unknown) => {
  const message = `${what}: ${(error as Error)?.message ?? error}`;
  if (isDatabaseUnavailable(error)) log.warn(`${message} (the database was unavailable)`);
  else log.error(message);
};

/**
 * Work that runs after a transaction commits (Strapi's own entry events read the entry back
 * then) is started and never awaited, and Strapi opens a transaction for it without awaiting
 * that either: a database restart at that moment rejected with no one to answer and ended the
 * process. Such work now reports its failure in the log. A caller that awaits its transaction
 * still receives every error, as before.
 */
export function settleAfterCommitWork(strapi: Core.Strapi) {
  const db = strapi.db as unknown as TransactionalDatabase | undefined;
  if (!db || typeof db.transaction !== 'function') return;
  const transaction = db.transaction.bind(db);
  const guard = (register: AfterCommit | undefined, what: string): AfterCommit | undefined =>
    register &&
    ((callback) =>
      register(() => {
        const result = callback();
        if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(undefined, report(strapi.log, what));
        return result;
      }));
  db.transaction = (callback) => {
    if (!callback) return transaction();
    const running = transaction((params) =>
      callback({ ...params, onCommit: guard(params.onCommit, 'Work after a commit failed'), onRollback: guard(params.onRollback, 'Work after a rollback failed') }),
    );
    // Handled here as well as by whoever awaits it: the one Strapi starts for after-commit work
    // is not awaited, and an outage there is logged instead of ending the process.
    running.then(undefined, (error: unknown) => {
      if (isDatabaseUnavailable(error)) report(strapi.log, 'A transaction no one waits for failed')(error);
    });
    return running;
  };
}
