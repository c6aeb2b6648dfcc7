import { createHash } from 'node:crypto';
import {
  Kind,
  parse,
  print,
  stripIgnoredCharacters,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The site's GraphQL operations, known by hash. The CMS can be told to run only these (an
 * allowlist written at build time from the site's `.graphql` files), so the text the site
 * wrote and the text its client sends must hash the same: whitespace, comments and the
 * order of definitions do not count, and neither does the `__typename` Apollo Client adds
 * to every selection. Everything else (fields, arguments, aliases, directives) does.
 */

/** The canonical text of a document: the same operation always gives the same text. */
export function normalizeOperation(document: DocumentNode | string): string {
  const ast = typeof document === 'string' ? parse(document, { noLocation: true }) : document;
  const withoutTypename = visit(ast, {
    // Only the plain field the client adds; an aliased `__typename` is something else the caller asked for.
    Field: (field) => (field.name.value === '__typename' && !field.alias ? null : undefined),
  });
  const definitions = [...withoutTypename.definitions].sort((a, b) => {
    const [ka, kb] = [definitionKey(a), definitionKey(b)];
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return stripIgnoredCharacters(print({ ...withoutTypename, definitions }));
}

/** SHA-256 (hex) of the normalized document: what the allowlist lists. */
export function operationHash(document: DocumentNode | string): string {
  return createHash('sha256').update(normalizeOperation(document)).digest('hex');
}

export interface NamedOperation {
  name: string;
  /** The operation and every fragment it uses, as a client sends it. */
  document: DocumentNode;
}

/**
 * Splits the site's documents (fragments may live in another file than the operation that
 * spreads them) into one document per operation, each with exactly the fragments it uses.
 * Every operation must be named, once: the allowlist lists them by name.
 */
export function operationDocuments(sources: readonly string[]): NamedOperation[] {
  const definitions = sources.flatMap((source) => parse(source, { noLocation: true }).definitions);
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      if (fragments.has(definition.name.value)) throw new Error(`Fragment ${definition.name.value} is defined twice`);
      fragments.set(definition.name.value, definition);
    } else if (definition.kind === Kind.OPERATION_DEFINITION) {
      if (!definition.name) throw new Error('Every operation needs a name: the allowlist lists operations by name');
      operations.push(definition);
    }
  }
  const names = new Set<string>();
  return operations.map((operation) => {
    const name = operation.name!.value;
    if (names.has(name)) throw new Error(`Operation ${name} is defined twice`);
    names.add(name);
    const used = usedFragments(operation.selectionSet, fragments, new Set());
    return { name, document: { kind: Kind.DOCUMENT, definitions: [operation, ...used.map((n) => fragments.get(n)!)] } };
  });
}

function usedFragments(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, found: Set<string>): string[] {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const name = selection.name.value;
      if (found.has(name)) continue;
      const fragment = fragments.get(name);
      if (!fragment) throw new Error(`Fragment ${name} is used but not defined`);
      found.add(name);
      usedFragments(fragment.selectionSet, fragments, found);
    } else if (selection.selectionSet) {
      usedFragments(selection.selectionSet, fragments, found);
    }
  }
  return [...found];
}

/** Operations first, then fragments, each by name. */
function definitionKey(definition: DefinitionNode): string {
  const name = 'name' in definition && definition.name ? definition.name.value : '';
  return `${definition.kind === Kind.OPERATION_DEFINITION ? 0 : 1}:${name}`;
}
