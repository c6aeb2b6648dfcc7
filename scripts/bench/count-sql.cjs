/**
 * Preloaded into the benchmark's CMS (NODE_OPTIONS=--require): counts the SQL statements the
 * CMS sends (knex's `query` event) and tells the count on a loopback port of the benchmark's.
 * Benchmark tooling only; never part of the CMS.
 */
const http = require('node:http');

const port = Number(process.env.BENCH_SQL_COUNTER_PORT);
let statements = 0;
let attached = false;

const attach = setInterval(() => {
  const connection = globalThis.strapi?.db?.connection;
  if (!connection || attached) return;
  connection.on('query', () => {
    statements += 1;
  });
  attached = true;
  clearInterval(attach);
}, 50);
attach.unref();

if (port) {
  http
    .createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ attached, statements }));
    })
    .listen(port, '127.0.0.1')
    .unref();
}
