import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { defaultGraphqlLimits } from '../config';
import { expandedFieldCounts, fragmentFanOutPlugin, fragmentFanOutProblem, fragmentFanOutRule } from './fragment-fan-out';

const LIMIT = defaultGraphqlLimits.maxCost;

/** n fragments, each selecting `question` and spreading the next `times` times (`spread` writes one spread). */
function fanOut(n: number, times = 2, spread = (next: string) => `...${next}`): string {
  let query = '{ clinicFaqs { ...F0 } }';
  for (let i = 0; i < n - 1; i++) query += ` fragment F${i} on ClinicFaq { question ${Array.from({ length: times }, () => spread(`F${i + 1}`)).join(' ')} }`;
  return `${query} fragment F${n - 1} on ClinicFaq { question }`;
}

const timed = <T>(work: () => T): { result: T; ms: number } => {
  const start = performance.now();
  const result = work();
  return { result, ms: performance.now() - start };
};

describe('fragment fan-out', () => {
  it('counts the fields an operation selects with every fragment written out', () => {
    const document = parse(`
      query List { procedures { ...P title } }
      query Other { procedures { a: title b: title } }
      fragment P on Procedure { title related { ...R ... on Procedure { ...R } } }
      fragment R on Procedure { title slug }
    `);
    // procedures + (P: title + related + 2×R(2)) + title
    expect(expandedFieldCounts(document)).toEqual(new Map([['List', 1 + 1 + 1 + 4 + 1], ['Other', 3]]));
    expect(fanOut(3)).toContain('fragment F1');
    expect(expandedFieldCounts(parse(fanOut(3))).get(null)).toBe(1 + 1 + 2 * (1 + 2 * 1));
  });

  it.each([20, 27, 30, 40, 100])('refuses %i fragments that each spread the next twice, at once', (n) => {
    const { result, ms } = timed(() => fragmentFanOutProblem(parse(fanOut(n)), LIMIT));
    expect(result).toMatch(/^Operation selects (\d+|more than 10\^15) fields once its fragments are expanded; the limit is 1500\./);
    expect(ms).toBeLessThan(50);
  });

  it('refuses the same fan-out through inline fragments, aliases, directives and fields', () => {
    const shapes = {
      inline: fanOut(40, 2, (next) => `... on ClinicFaq { ...${next} }`),
      aliases: fanOut(40, 1, (next) => `a: procedures { ...${next} } b: procedures { ...${next} }`),
      directives: fanOut(40, 2, (next) => `...${next} @include(if: true) @skip(if: false)`),
      wide: fanOut(40, 10),
    };
    for (const [shape, query] of Object.entries(shapes)) {
      const { result, ms } = timed(() => fragmentFanOutProblem(parse(query), LIMIT));
      expect({ shape, result }).toEqual({ shape, result: expect.stringMatching(/the limit is 1500/) });
      expect(ms).toBeLessThan(50);
    }
  });

  it('lets ordinary operations and the introspection query through', () => {
    expect(fragmentFanOutProblem(parse(fanOut(8)), LIMIT)).toBeNull();
    expect(expandedFieldCounts(parse(getIntrospectionQuery())).get('IntrospectionQuery')).toBeLessThan(LIMIT / 2);
    expect(fragmentFanOutProblem(parse(getIntrospectionQuery()), LIMIT)).toBeNull();
  });

  it('is refused exactly past the limit, counting each operation alone', () => {
    const fields = (n: number) => `{ clinicFaqs { ${Array.from({ length: n - 1 }, (_, i) => `a${i}: question`).join(' ')} } }`;
    expect(fragmentFanOutProblem(parse(fields(10)), 10)).toBeNull();
    expect(fragmentFanOutProblem(parse(fields(11)), 10)).toBe('Operation selects 11 fields once its fragments are expanded; the limit is 10. Spread each fragment fewer times.');
    expect(fragmentFanOutProblem(parse(`query A ${fields(6)} query B ${fields(6)}`), 10)).toBeNull();
  });

  it('leaves unknown and self-spreading fragments to GraphQL validation, without hanging', () => {
    expect(fragmentFanOutProblem(parse('{ clinicFaqs { ...Missing } }'), LIMIT)).toBeNull();
    expect(fragmentFanOutProblem(parse('{ clinicFaqs { ...A } } fragment A on ClinicFaq { ...B ...B } fragment B on ClinicFaq { ...A ...A question }'), LIMIT)).toBeNull();
  });

  it('hands validation a stand-in on which the rule reports the refusal, and leaves other documents alone', async () => {
    const schema = buildSchema('type ClinicFaq { question: String } type Query { clinicFaqs: [ClinicFaq] }');
    const listener = await fragmentFanOutPlugin(LIMIT).requestDidStart();
    const ordinary = { document: parse(fanOut(8)) };
    const original = ordinary.document;
    await listener.validationDidStart(ordinary);
    expect(ordinary.document).toBe(original);
    expect(validate(schema, ordinary.document, [fragmentFanOutRule])).toEqual([]);

    const attack = { document: parse(fanOut(60)) };
    await listener.validationDidStart(attack);
    const { result: errors, ms } = timed(() => validate(schema, attack.document, [...specifiedRules, fragmentFanOutRule]));
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/^Operation selects more than 10\^15 fields once its fragments are expanded; the limit is 1500\./)]);
    expect(ms).toBeLessThan(50);
  });
});
