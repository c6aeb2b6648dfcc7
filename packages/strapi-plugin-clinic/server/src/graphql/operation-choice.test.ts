import { buildSchema, GraphQLError, parse } from 'graphql';
import { operationChoicePlugin, operationChoiceProblem } from './operation-choice';

const readOnly = buildSchema('type Query { locales: [String] }');
const withMutations = buildSchema('type Query { locales: [String] } type Mutation { login(name: String): String }');
const problem = (query: string, operationName?: string | null, schema = withMutations) => operationChoiceProblem(schema, parse(query), operationName);

describe('operation choice', () => {
  it('runs the one operation, or the one named', () => {
    expect(problem('{ locales }')).toBeNull();
    expect(problem('query A { locales } query B { locales }', 'B')).toBeNull();
    expect(problem('query A { locales }', null)).toBeNull();
    expect(problem('mutation { login(name: "x") }')).toBeNull();
  });

  it('refuses operation types the schema does not have', () => {
    expect(problem('subscription { x }')).toBe('This API has no subscription operations: send a query.');
    expect(problem('subscription S { x } query Q { locales }', 'S')).toBe('This API has no subscription operations: send a query.');
    expect(problem('mutation { x }', undefined, readOnly)).toBe('This API has no mutation operations: send a query.');
  });

  it('refuses a request that does not pick exactly one operation', () => {
    expect(problem('query A { locales }', 'B')).toBe('operationName "B" names no operation in the document (it has "A").');
    expect(problem('{ locales }', 'A')).toBe('operationName "A" names no operation in the document (it has an unnamed one).');
    expect(problem('query A { locales } query B { locales }')).toBe('The document has 2 operations ("A", "B"): name the one to run in operationName.');
    expect(problem('fragment F on Query { locales }')).toMatch(/^The document has no operation/);
  });

  it('answers a refusal with a 400 GraphQL error before anything executes', async () => {
    const listener = await operationChoicePlugin.requestDidStart();
    const context = (query: string, operationName?: string) => ({ schema: readOnly, document: parse(query), request: { operationName } });
    await expect(listener.didResolveOperation(context('{ locales }'))).resolves.toBeUndefined();
    const refused = await listener.didResolveOperation(context('subscription { x }')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GraphQLError);
    expect(refused).toMatchObject({ message: 'This API has no subscription operations: send a query.', extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  });
});
