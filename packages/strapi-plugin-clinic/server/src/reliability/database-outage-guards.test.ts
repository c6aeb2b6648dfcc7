import { requestContextOf, settleAfterCommitWork, settleConnectionSetup } from './database-outage-guards';

const fakeStrapi = (initialize: (connection: any) => Promise<void>) => {
  const warnings: string[] = [];
  const strapi: any = { db: { dialect: { initialize } }, log: { warn: (message: string) => warnings.push(message) } };
  settleConnectionSetup(strapi);
  return { dialect: strapi.db.dialect, warnings };
};

describe('setting up a new database connection', () => {
  it('hands a connection whose set-up failed to the pool marked dead, instead of leaving the create hanging', async () => {
    const cut = new Error('Client has encountered a connection error and is not queryable');
    const { dialect, warnings } = fakeStrapi(async () => {
      throw cut;
    });
    const connection: any = {};
    await expect(dialect.initialize(connection)).resolves.toBeUndefined();
    expect(connection.__knex__disposed).toBe(cut);
    expect(warnings).toHaveLength(1);
  });

  it('leaves a connection that was set up as it is', async () => {
    const { dialect, warnings } = fakeStrapi(async (connection) => {
      connection.searchPath = 'public';
    });
    const connection: any = {};
    await dialect.initialize(connection);
    expect(connection).toEqual({ searchPath: 'public' });
    expect(warnings).toEqual([]);
  });

  it('does nothing without a database dialect', () => {
    expect(() => settleConnectionSetup({} as any)).not.toThrow();
  });
});

const cut = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

/** A database whose transaction runs its after-commit callbacks the way Strapi does: called, never awaited. */
const fakeDatabase = (begin: () => Promise<void> = async () => undefined, request?: unknown) => {
  const log = { warn: jest.fn(), error: jest.fn() };
  const db: any = {
    async transaction(callback?: (params: any) => unknown) {
      await begin();
      const after: Array<() => unknown> = [];
      const result = await callback?.({ trx: 'trx', onCommit: (fn: () => unknown) => after.push(fn), onRollback: () => undefined });
      after.forEach((fn) => fn());
      return result;
    },
  };
  settleAfterCommitWork({ db, log, requestContext: { get: () => request } } as any);
  return { db, log };
};
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('work after a commit, and transactions no one waits for', () => {
  let unhandled: unknown[];
  const keep = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled = [];
    process.on('unhandledRejection', keep);
  });
  afterEach(() => process.off('unhandledRejection', keep));

  it('logs after-commit work that fails on a lost connection, instead of leaving the rejection unhandled', async () => {
    const { db, log } = fakeDatabase();
    await db.transaction(({ onCommit }: any) => onCommit(() => Promise.reject(cut)));
    await tick();
    expect(unhandled).toEqual([]);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('the database was unavailable'));
  });

  it('logs other after-commit failures as errors', async () => {
    const { db, log } = fakeDatabase();
    await db.transaction(({ onCommit }: any) => onCommit(() => Promise.reject(new Error('sanitizer broke'))));
    await tick();
    expect(unhandled).toEqual([]);
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('sanitizer broke'));
  });

  it('keeps a transaction that could not begin from ending the process when no one awaits it', async () => {
    const { db, log } = fakeDatabase(() => Promise.reject(cut));
    db.transaction(({ onCommit }: any) => onCommit(() => undefined));
    await tick();
    expect(unhandled).toEqual([]);
    expect(log.warn).toHaveBeenCalled();
  });

  it('logs, as an error, a transaction no one waits for that fails for a reason other than an outage', async () => {
    const { db, log } = fakeDatabase();
    db.transaction(async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'id')");
    });
    await tick();
    expect(unhandled).toEqual([]);
    expect(log.warn).not.toHaveBeenCalled();
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error).toHaveBeenCalledWith("A transaction no one waits for failed: TypeError: Cannot read properties of undefined (reading 'id')");
  });

  it('names the model, action and request that started the failed work', async () => {
    const request = { method: 'POST', path: '/content-manager/collection-types/plugin::clinic.faq/abc/actions/publish', params: { model: 'plugin::clinic.faq' }, state: { route: { handler: 'plugin::content-manager.collection-types.publish' } } };
    const { db, log } = fakeDatabase(undefined, request);
    db.transaction(async () => {
      throw new Error('SQLITE_CONSTRAINT: NOT NULL constraint failed');
    });
    await db.transaction(({ onCommit }: any) => onCommit(() => Promise.reject(new Error('event listener broke'))));
    await tick();
    const where = '(model plugin::clinic.faq, action plugin::content-manager.collection-types.publish, POST /content-manager/collection-types/plugin::clinic.faq/abc/actions/publish)';
    // In either order: both are logged once each.
    expect(log.error.mock.calls.map(([message]: [string]) => message).sort()).toEqual([
      `A transaction no one waits for failed ${where}: SQLITE_CONSTRAINT: NOT NULL constraint failed`,
      `Work after a commit failed ${where}: event listener broke`,
    ]);
  });

  it('does not log a failure its caller takes, whether by await, then or catch', async () => {
    const { db, log } = fakeDatabase();
    const failing = () => db.transaction(async () => {
      throw new Error('bad input');
    });
    await expect(failing()).rejects.toThrow('bad input');
    await failing().then(undefined, () => undefined);
    await failing().catch(() => undefined);
    await tick();
    expect(log.error).not.toHaveBeenCalled();
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('logs after-commit work that throws at once, without failing the transaction that already committed', async () => {
    const { db, log } = fakeDatabase();
    await expect(
      db.transaction(({ onCommit }: any) => {
        onCommit(() => {
          throw new Error('listener threw');
        });
        return 'saved';
      }),
    ).resolves.toBe('saved');
    expect(log.error).toHaveBeenCalledWith('Work after a commit failed: listener threw');
  });

  it('still gives a caller who awaits its transaction every error and result, and passes the transaction through', async () => {
    const { db } = fakeDatabase();
    await expect(db.transaction(({ trx }: any) => `ran in ${trx}`)).resolves.toBe('ran in trx');
    await expect(db.transaction(async () => { throw new Error('bad input'); })).rejects.toThrow('bad input');
    await expect(fakeDatabase(() => Promise.reject(cut)).db.transaction(() => undefined)).rejects.toBe(cut);
  });
});

describe('a COMMIT that failed', () => {
  /** A knex transaction as Strapi holds it: completed once committed, its own promise telling how the COMMIT went. */
  const knexTransaction = (completed: boolean, outcome: Promise<unknown>) => {
    outcome.catch(() => undefined);
    // A function, as knex's is (it builds queries).
    return Object.assign(() => undefined, { isCompleted: () => completed, executionPromise: outcome });
  };
  const database = (trx: unknown) => {
    const log = { warn: jest.fn(), error: jest.fn() };
    const db: any = {
      async transaction(callback?: (params: any) => unknown) {
        if (!callback) return { commit: async () => undefined, rollback: async () => undefined, get: () => trx };
        return callback({ trx, onCommit: () => undefined, onRollback: () => undefined });
      },
    };
    settleAfterCommitWork({ db, log, requestContext: { get: () => undefined } } as any);
    return db;
  };
  const cut = Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });

  it('fails the transaction that knex answered as committed, so no lost change is reported as saved', async () => {
    const db = database(knexTransaction(true, Promise.reject(cut)));
    await expect(db.transaction(async () => 'approved')).rejects.toBe(cut);
  });

  it('passes a committed transaction, and a nested one (its outer transaction is not done yet), through', async () => {
    await expect(database(knexTransaction(true, Promise.resolve())).transaction(async () => 'saved')).resolves.toBe('saved');
    await expect(database(knexTransaction(false, new Promise(() => undefined))).transaction(async () => 'nested')).resolves.toBe('nested');
  });

  it("checks the COMMIT of a transaction opened without a callback too (Strapi's relation writes)", async () => {
    const failed = await database(knexTransaction(true, Promise.reject(cut))).transaction();
    await expect(failed.commit()).rejects.toBe(cut);
    const fine = await database(knexTransaction(true, Promise.resolve())).transaction();
    await expect(fine.commit()).resolves.toBeUndefined();
  });
});

describe('the request behind failed work', () => {
  it('is empty outside a request, and when the context cannot be read', () => {
    expect(requestContextOf({ requestContext: { get: () => undefined } } as any)).toBe('');
    expect(requestContextOf({} as any)).toBe('');
    expect(requestContextOf({ requestContext: { get: () => { throw new Error('no store'); } } } as any)).toBe('');
  });

  it('names what it knows', () => {
    expect(requestContextOf({ requestContext: { get: () => ({ method: 'PUT', path: '/x', params: {}, state: {} }) } } as any)).toBe(' (PUT /x)');
  });
});
