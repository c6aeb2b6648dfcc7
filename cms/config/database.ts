import path from 'path';

// SQLite needs no set-up; PostgreSQL is chosen with DATABASE_CLIENT=postgres.
export default ({ env }: { env: any }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (client === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: {
          connectionString: env('DATABASE_URL'),
          host: env('DATABASE_HOST', '127.0.0.1'),
          port: env.int('DATABASE_PORT', 5432),
          database: env('DATABASE_NAME', 'clinic'),
          user: env('DATABASE_USERNAME', 'clinic'),
          password: env('DATABASE_PASSWORD', ''),
          schema: env('DATABASE_SCHEMA', 'public'),
          ssl: env.bool('DATABASE_SSL', false) && { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) },
          // A connection cut by a restart or a network drop is noticed, not left half-open.
          keepAlive: true,
        },
        // Riding out a database restart: connections the server dropped are marked dead by knex
        // and replaced on the next acquire; while the server is down a request waits (retrying
        // every 200 ms) instead of failing at once, and gives up after the acquire timeout with
        // a 503 (the clinic plugin's database-unavailable middleware). min 0: no idle connection
        // has to be dead-checked after a restart.
        pool: {
          min: env.int('DATABASE_POOL_MIN', 0),
          max: env.int('DATABASE_POOL_MAX', 10),
          propagateCreateError: false,
          createTimeoutMillis: env.int('DATABASE_CREATE_TIMEOUT', 5000),
          createRetryIntervalMillis: 200,
          idleTimeoutMillis: 30000,
        },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 15000),
      },
    };
  }

  return {
    connection: {
      client: 'sqlite',
      connection: {
        filename: path.resolve(process.cwd(), env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
    },
  };
};
