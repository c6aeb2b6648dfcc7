import { GraphQLError, Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

const nameOf = (operation: OperationDefinitionNode) => (operation.name ? `"${operation.name.value}"` : 'an unnamed one');

/**
 * Why the request names no operation this API can run, or null. graphql-js validates a
 * `subscription` against a schema without subscriptions as valid (it has no rule for the
 * missing root type), and Strapi then fails running it: a 200 with INTERNAL_SERVER_ERROR.
 * Only the operation types the schema has are run; the request must pick exactly one operation.
 */
export function operationChoiceProblem(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): string | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length === 0) return 'The document has no operation: send a query such as { clinicLocales { code } }.';
  let chosen: OperationDefinitionNode | undefined;
  if (operationName === undefined || operationName === null) {
    if (operations.length > 1) return `The document has ${operations.length} operations (${operations.map(nameOf).join(', ')}): name the one to run in operationName.`;
    chosen = operations[0];
  } else {
    chosen = operations.find((o) => o.name?.value === operationName);
    if (!chosen) return `operationName "${operationName}" names no operation in the document (it has ${operations.map(nameOf).join(', ')}).`;
  }
  if (chosen && !schema.getRootType(chosen.operation)) return `This API has no ${chosen.operation} operations: send a query.`;
  return null;
}

/** Runs after validation (a valid document) and before anything executes: a 400 like other bad input. */
export const operationChoicePlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, request }: any) {
        const problem = operationChoiceProblem(schema, document, request.operationName);
        if (problem) throw new GraphQLError(problem, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
      },
    };
  },
};
