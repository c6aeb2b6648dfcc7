import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, Kind, type FieldNode, type OperationDefinitionNode } from 'graphql';
import * as generated from './generated/graphql';

/**
 * Preview shows drafts only where an operation asks for them: every root field that takes a
 * `status` must get the operation's `$status` (related entries follow their root's status).
 * The FAQ page once read published FAQs in preview because its operation had no `$status`.
 */
const schema = buildSchema(readFileSync(join(__dirname, '../../../../cms/schema.graphql'), 'utf8'));
const queryType = schema.getQueryType()!;

const operations = Object.values(generated).flatMap((value) =>
  typeof value === 'object' && value !== null && 'definitions' in value
    ? (value as { definitions: readonly { kind: string }[] }).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    : [],
);

describe('draft status in the site’s operations', () => {
  it('finds the site’s operations', () => {
    expect(operations.map((o) => o.name?.value)).toEqual(expect.arrayContaining(['FaqPage', 'ProcedureBySlug', 'ProcedureList', 'ProviderBySlug', 'ProviderList', 'SiteChrome', 'SitemapEntries', 'ProcedureListPage']));
  });

  it.each(operations.map((o) => [o.name!.value, o] as const))('%s passes $status to every root field that has drafts', (_name, operation) => {
    const rootFields = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
    const draftable = rootFields.filter((field) => queryType.getFields()[field.name.value]!.args.some((arg) => arg.name === 'status'));
    for (const field of draftable) {
      const status = field.arguments?.find((a) => a.name.value === 'status');
      expect({ field: field.name.value, status: status?.value.kind === Kind.VARIABLE ? status.value.name.value : null }).toEqual({ field: field.name.value, status: 'status' });
    }
    if (draftable.length) {
      const declared = operation.variableDefinitions?.find((v) => v.variable.name.value === 'status');
      expect(declared?.type.kind === Kind.NAMED_TYPE && declared.type.name.value).toBe('PublicationStatus');
    } else {
      // Only what has no drafts at all goes without: the locales, and the sitemap, published only by the CMS's contract.
      expect(['SiteLocales', 'SitemapEntries']).toContain(operation.name?.value);
    }
  });
});
