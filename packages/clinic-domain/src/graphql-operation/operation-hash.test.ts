import { Kind, parse, print, visit, type SelectionSetNode } from 'graphql';
import { normalizeOperation, operationDocuments, operationHash } from './operation-hash';

const written = `
  # The procedure page
  query ProcedureBySlug($locale: I18NLocaleCode!, $slug: String!) {
    clinicProcedures(locale: $locale, filters: { slug: { eq: $slug } }) {
      ...ProcedureDetail
      reviewedBy { fullName }
    }
  }

  fragment ProcedureDetail on ClinicProcedure {
    title
    sections { heading steps { title } }
  }
`;

/** What Apollo Client's cache does before sending: `__typename` in every selection set below the root. */
function withTypenames(source: string): string {
  const typename = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } } as const;
  const document = visit(parse(source), {
    SelectionSet: (node: SelectionSetNode, _key, parent) =>
      parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION ? undefined : { ...node, selections: [...node.selections, typename] },
  });
  return print(document);
}

describe('operation hash', () => {
  it('is the same for the written document and the one Apollo Client sends (with __typename, reformatted)', () => {
    const sent = withTypenames(written);
    expect(sent).toContain('__typename');
    expect(operationHash(sent)).toBe(operationHash(written));
    expect(operationHash(written)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores whitespace, comments, commas and the order of definitions', () => {
    const compact = 'fragment ProcedureDetail on ClinicProcedure{title sections{heading steps{title}}}query ProcedureBySlug($locale:I18NLocaleCode!,$slug:String!){clinicProcedures(locale:$locale,filters:{slug:{eq:$slug}}){...ProcedureDetail reviewedBy{fullName}}}';
    expect(operationHash(compact)).toBe(operationHash(written));
    expect(operationHash(parse(written))).toBe(operationHash(written));
  });

  it('tells apart any change to what is asked: a field, an argument, an alias, a directive, the name', () => {
    const variants = [
      written.replace('fullName', 'fullName credentials'),
      written.replace('eq: $slug', 'ne: $slug'),
      written.replace('reviewedBy {', 'doctor: reviewedBy {'),
      written.replace('title\n    sections', 'title @include(if: true)\n    sections'),
      written.replace('query ProcedureBySlug', 'query ProcedureBySlug2'),
      written.replace('fullName }', 'fullName t: __typename }'),
    ];
    const hashes = new Set([operationHash(written), ...variants.map((v) => operationHash(v))]);
    expect(hashes.size).toBe(variants.length + 1);
  });

  it('normalizes to one compact line', () => {
    expect(normalizeOperation('query   A { x { __typename y } }')).toBe('query A{x{y}}');
  });
});

describe('operation documents', () => {
  const files = [
    'fragment Card on ClinicProvider { fullName ...Photo }\nfragment Photo on ClinicProvider { photo { url } }',
    'query ProviderList { clinicProviders { ...Card } }\nquery SiteLocales { clinicLocales { code } }',
  ];

  it('gives each named operation exactly the fragments it uses, across files', () => {
    const operations = operationDocuments(files);
    expect(operations.map((o) => o.name)).toEqual(['ProviderList', 'SiteLocales']);
    const names = (i: number) => operations[i]!.document.definitions.map((d) => ('name' in d ? d.name?.value : undefined));
    expect(names(0)).toEqual(['ProviderList', 'Card', 'Photo']);
    expect(names(1)).toEqual(['SiteLocales']);
  });

  it('refuses anonymous operations, duplicates and missing fragments', () => {
    expect(() => operationDocuments(['{ clinicLocales { code } }'])).toThrow(/needs a name/);
    expect(() => operationDocuments(['query A { x }', 'query A { y }'])).toThrow(/A is defined twice/);
    expect(() => operationDocuments(['query A { x { ...Missing } }'])).toThrow(/Missing is used but not defined/);
  });
});
