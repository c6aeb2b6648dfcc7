/**
 * The public GraphQL schema as clients see it (introspected over HTTP, sorted so the
 * file only changes when the contract does). Shared by the schema script and its test.
 */
const { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } = require('graphql');
const request = require('supertest');

const SCHEMA_FILE = require('path').resolve(__dirname, '..', 'schema.graphql');

async function printPublicSchema(strapi) {
  const res = await request(strapi.server.httpServer)
    .post(strapi.config.get('plugin::graphql.endpoint') || '/graphql')
    .send({ query: getIntrospectionQuery() });
  if (res.status !== 200 || res.body.errors) {
    throw new Error(`Introspection failed (${res.status}): ${JSON.stringify(res.body.errors)}`);
  }
  const header = '# The public GraphQL contract of the clinic CMS. Generated: `pnpm --filter cms schema:write`. Do not edit.\n\n';
  return header + printSchema(lexicographicSortSchema(buildClientSchema(res.body.data))) + '\n';
}

module.exports = { printPublicSchema, SCHEMA_FILE };
