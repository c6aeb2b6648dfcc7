import { GraphQLError, Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';

/**
 * How many fields each operation of the document selects once every fragment spread is written
 * out in place, computed once per fragment: linear in the document, whatever it expands to.
 * Fragments that spread a fragment twice double at each step, so a 1 KB document can select
 * billions of fields; Strapi's depth rule (graphql-depth-limit) walks every one of them before
 * any limit looks, blocking the process for as long. A spread of an unknown fragment, or one that
 * spreads itself, counts nothing here: graphql-js's validation refuses those.
 */
export function expandedFieldCounts(document: DocumentNode): Map<string | null, number> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const sizes = new Map<string, number>();
  const walking = new Set<string>();

  const fragmentSize = (name: string): number => {
    const known = sizes.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || walking.has(name)) return 0;
    walking.add(name);
    const size = selectionSetSize(fragment.selectionSet);
    walking.delete(name);
    sizes.set(name, size);
    return size;
  };
  const selectionSetSize = (set: SelectionSetNode): number => {
    let size = 0;
    for (const selection of set.selections) {
      // Aliases, directives and inline fragments add no reuse: each is counted where it stands.
      if (selection.kind === Kind.FIELD) size += 1 + (selection.selectionSet ? selectionSetSize(selection.selectionSet) : 0);
      else if (selection.kind === Kind.INLINE_FRAGMENT) size += selectionSetSize(selection.selectionSet);
      else size += fragmentSize(selection.name.value);
    }
    return size;
  };

  const counts = new Map<string | null, number>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) counts.set(definition.name?.value ?? null, selectionSetSize(definition.selectionSet));
  }
  return counts;
}

/** Why the document selects too much once its fragments are expanded, or null. */
export function fragmentFanOutProblem(document: DocumentNode, maxFields: number): string | null {
  for (const [name, count] of expandedFieldCounts(document)) {
    if (count <= maxFields) continue;
    const found = count < 1e15 ? String(count) : 'more than 10^15';
    return `Operation${name ? ` "${name}"` : ''} selects ${found} fields once its fragments are expanded; the limit is ${maxFields}. Spread each fragment fewer times.`;
  }
  return null;
}

/** Stand-in documents of refused requests, with the refusal their validation reports. */
const refusals = new WeakMap<DocumentNode, string>();

/**
 * Refuses an operation whose fragments expand past the limit before any validation rule walks
 * it. Every rule runs, Strapi's depth rule first and ours after it, and a hook that throws is
 * answered with a 500; so the hook hands validation a one-field stand-in instead (Apollo reads
 * the request's document after this hook), and `fragmentFanOutRule` reports the refusal on it:
 * a 400 like the other limits, and never stored as a validated document.
 */
export function fragmentFanOutPlugin(maxFields: number) {
  return {
    async requestDidStart() {
      return {
        async validationDidStart(request: { document?: DocumentNode }) {
          const problem = request.document ? fragmentFanOutProblem(request.document, maxFields) : null;
          if (!problem) return;
          const standIn = parse('{ __typename }', { noLocation: true });
          refusals.set(standIn, problem);
          request.document = standIn;
        },
      };
    },
  };
}

/** Reports the refusal `fragmentFanOutPlugin` attached to a stand-in document; nothing else. */
export const fragmentFanOutRule: ValidationRule = (context) => {
  const problem = refusals.get(context.getDocument());
  if (problem) context.reportError(new GraphQLError(problem));
  return {};
};
