import { getNamedType, getVariableValues, GraphQLError, TypeInfo, valueFromAST, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

const MINIMUM: Record<string, number> = { page: 1, pageSize: 1, start: 0, limit: 1 };

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
        for (const [key, min] of Object.entries(MINIMUM)) {
          const n = value?.[key];
          if (n !== undefined && n !== null && (typeof n !== 'number' || n < min)) {
            problem = `pagination.${key} must be at least ${min}.`;
            return;
          }
        }
      },
    }),
  );
  return problem;
}

/**
 * Strapi quietly turns page -1 or pageSize 0 into some other page; a client asking for a
 * page that cannot exist is told so, with a 400, before anything runs.
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
