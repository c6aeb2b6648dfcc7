import { settleAfterCommitWork, settleConnectionSetup } from './database-outage-guards';

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
const fakeDatabase = (begin: () => Promise<void> = async () => undefined) => {
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
  settleAfterCommitWork({ db, log } as any);
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

  it('still gives a caller who awaits its transaction every error and result, and passes the transaction through', async () => {
    const { db } = fakeDatabase();
    await expect(db.transaction(({ trx }: any) => `ran in ${trx}`)).resolves.toBe('ran in trx');
    await expect(db.transaction(async () => { throw new Error('bad input'); })).rejects.toThrow('bad input');
    await expect(fakeDatabase(() => Promise.reject(cut)).db.transaction(() => undefined)).rejects.toBe(cut);
  });
});
