import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { paginationProblem, paginationValueProblem } from './pagination-arguments';

// The shape Strapi's GraphQL plugin gives lists and their relations.
const schema = buildSchema(`
  input PaginationArg { page: Int pageSize: Int start: Int limit: Int }
  type Faq { question: String }
  type Procedure { title: String faqs(pagination: PaginationArg = {}): [Faq] }
  type Query { procedures(pagination: PaginationArg = {}): [Procedure] }
`);

const problemOf = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  return paginationProblem(schema, document, document.definitions[0] as OperationDefinitionNode, variables);
};

describe('pagination arguments Strapi would refuse, change or crash on inside its resolver', () => {
  it('refuses page-style and offset-style pagination mixed, in every pairing', () => {
    for (const mixed of ['page: 1, start: 0', 'page: 1, limit: 5', 'pageSize: 5, start: 0', 'pageSize: 5, limit: 5', 'page: 2, pageSize: 5, start: 0, limit: 5']) {
      expect(problemOf(`{ procedures(pagination: { ${mixed} }) { title } }`)).toMatch(/^pagination: use page and pageSize, or start and limit, not both \(got /);
    }
    expect(problemOf('{ procedures(pagination: { page: 1, start: 0 }) { title } }')).toBe('pagination: use page and pageSize, or start and limit, not both (got page, start).');
  });

  it('finds them in variables and on relation fields too', () => {
    expect(problemOf('query ($p: PaginationArg) { procedures(pagination: $p) { title } }', { p: { pageSize: 5, limit: 5 } })).toMatch(/not both/);
    expect(problemOf('query ($s: Int) { procedures(pagination: { page: 1, start: $s }) { title } }', { s: 0 })).toMatch(/not both/);
    expect(problemOf('{ procedures { faqs(pagination: { page: 1, limit: 3 }) { question } } }')).toMatch(/not both/);
  });

  it('lets a null half of the other style pass: only values given count', () => {
    expect(problemOf('{ procedures(pagination: { page: 1, start: null }) { title } }')).toBeNull();
    expect(problemOf('query ($s: Int) { procedures(pagination: { page: 1, start: $s }) { title } }')).toBeNull();
  });

  it('refuses an explicit null pagination (Strapi crashes on it), but not one left out', () => {
    expect(problemOf('{ procedures(pagination: null) { title } }')).toMatch(/^pagination must be an object/);
    expect(problemOf('query ($p: PaginationArg) { procedures(pagination: $p) { title } }', { p: null })).toMatch(/^pagination must be an object/);
    expect(problemOf('query ($p: PaginationArg) { procedures(pagination: $p) { title } }')).toBeNull();
    expect(problemOf('{ procedures { title } }')).toBeNull();
  });

  it('refuses pages that cannot exist: Strapi would serve another one', () => {
    for (const [shape, message] of [
      ['page: 0', 'pagination.page must be a whole number of at least 1.'],
      ['page: -1', 'pagination.page must be a whole number of at least 1.'],
      ['pageSize: 0', 'pagination.pageSize must be a whole number of at least 1.'],
      ['pageSize: -5', 'pagination.pageSize must be a whole number of at least 1.'],
      ['start: -1', 'pagination.start must be a whole number of at least 0.'],
      ['limit: 0', 'pagination.limit must be a whole number of at least 1.'],
      // Strapi reads -1 as "every row".
      ['limit: -1', 'pagination.limit must be a whole number of at least 1.'],
    ] as const) {
      expect(problemOf(`{ procedures(pagination: { ${shape} }) { title } }`)).toBe(message);
    }
  });

  it('accepts every well-formed page, large ones included (served at the configured maximum)', () => {
    for (const shape of ['page: 1', 'page: 3, pageSize: 10', 'pageSize: 1000', 'start: 0', 'start: 40, limit: 20', 'limit: 2147483647', 'page: 2147483647, pageSize: 100']) {
      expect(problemOf(`{ procedures(pagination: { ${shape} }) { title } }`)).toBeNull();
    }
  });

  it('leaves malformed variables to GraphQL, which answers them with its own 400', () => {
    expect(problemOf('query ($p: PaginationArg) { procedures(pagination: $p) { title } }', { p: { page: 'two' } })).toBeNull();
  });

  it('judges a coerced value the same way', () => {
    expect(paginationValueProblem(undefined)).toBeNull();
    expect(paginationValueProblem({})).toBeNull();
    expect(paginationValueProblem({ page: 1.5 })).toBe('pagination.page must be a whole number of at least 1.');
    expect(paginationValueProblem({ limit: '5' })).toBe('pagination.limit must be a whole number of at least 1.');
  });
});
