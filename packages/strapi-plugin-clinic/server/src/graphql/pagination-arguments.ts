import { getNamedType, getVariableValues, GraphQLError, TypeInfo, valueFromAST, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

const MINIMUM: Record<string, number> = { page: 1, pageSize: 1, start: 0, limit: 1 };

const PAGE_STYLE = ['page', 'pageSize'];
const OFFSET_STYLE = ['start', 'limit'];
const given = (value: Record<string, unknown>, keys: string[]) => keys.filter((key) => value[key] !== undefined && value[key] !== null);

/**
 * What is wrong with one `pagination` value, as GraphQL coerced it, or null when Strapi can run
 * it as asked. Strapi's resolver throws on the two styles mixed (answered 200 with an error),
 * crashes on an explicit null (a TypeError), and silently changes a page that cannot exist into
 * another; each is refused here instead. A page size above the configured maximum is not a
 * mistake: it is served at the maximum, which the answer's pageInfo reports.
 */
export function paginationValueProblem(value: Record<string, unknown> | null | undefined): string | null {
  // Not given (or given as a variable left out): Strapi's default page.
  if (value === undefined) return null;
  if (value === null) return 'pagination must be an object such as { page: 1, pageSize: 25 } or { start: 0, limit: 25 }, not null.';
  const pageKeys = given(value, PAGE_STYLE);
  const offsetKeys = given(value, OFFSET_STYLE);
  if (pageKeys.length && offsetKeys.length) return `pagination: use page and pageSize, or start and limit, not both (got ${[...pageKeys, ...offsetKeys].join(', ')}).`;
  for (const [key, min] of Object.entries(MINIMUM)) {
    const n = value[key];
    if (n !== undefined && n !== null && (typeof n !== 'number' || !Number.isInteger(n) || n < min)) return `pagination.${key} must be a whole number of at least ${min}.`;
  }
  return null;
}

/** The first `pagination` argument of an operation that asks for a page that cannot exist. */
export function paginationProblem(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, rawVariables: Record<string, unknown>): string | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors) return null; // GraphQL answers malformed variables itself, with a 400.
  const typeInfo = new TypeInfo(schema);
  let problem: string | null = null;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (problem || !argument || getNamedType(argument.type).name !== 'PaginationArg') return;
        const value = valueFromAST(node.value, argument.type, coerced.coerced) as Record<string, unknown> | null | undefined;
        problem = paginationValueProblem(value);
      },
    }),
  );
  return problem;
}

/**
 * Strapi quietly turns page -1 or pageSize 0 into some other page, and refuses mixed or null
 * pagination only inside its resolver (a 200, or a 500); a client asking for a page that cannot
 * exist is told so, with a 400, before anything runs.
 */
export const paginationArgumentsPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, operation, request }: any) {
        // No operation (several without an operationName, or an unknown name): Apollo answers that with a 400 next.
        if (!operation) return;
        const problem = paginationProblem(schema, document, operation, request.variables ?? {});
        if (problem) throw new GraphQLError(problem, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
      },
    };
  },
};
