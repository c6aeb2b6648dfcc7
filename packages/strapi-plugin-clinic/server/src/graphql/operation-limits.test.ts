import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { operationHash } from 'clinic-domain';
import { defaultGraphqlLimits } from '../config';
import { loadOperationAllowlist, NOT_ON_ALLOWLIST, operationAllowlistRule } from './operation-allowlist';
import { operationLimitRules } from './operation-limits';

const schema = buildSchema(`
  type Procedure { title: String related: [Procedure] }
  type Query { procedures: [Procedure] }
`);
const errorsOf = (query: string, rules = operationLimitRules(defaultGraphqlLimits)) =>
  validate(schema, parse(query), rules).map((e) => e.message);

describe('operation limit rules', () => {
  it('let an ordinary operation through', () => {
    expect(errorsOf('query List { procedures { title related { title } } }')).toEqual([]);
  });

  it('report each refusal as a validation error with the limit, instead of throwing', () => {
    const aliases = Array.from({ length: 11 }, (_, i) => `a${i}: title`).join(' ');
    expect(errorsOf(`{ procedures { ${aliases} } }`)).toEqual(['Aliases limit of 10 exceeded, found 11.']);
    expect(errorsOf(`{ procedures { t: __typename } }`, operationLimitRules({ ...defaultGraphqlLimits, maxAliases: 0 }))).toHaveLength(1);

    const deep = 'related { '.repeat(10) + 'title' + ' }'.repeat(10);
    expect(errorsOf(`{ procedures { ${deep} } }`)).toEqual(['Query depth limit of 10 exceeded, found 12.']);

    const directives = Array.from({ length: 11 }, () => '@include(if: true)').join(' ');
    expect(errorsOf(`{ procedures { title ${directives} } }`)).toEqual(['Directives limit of 10 exceeded, found 11.']);

    const costly = 'related { title '.repeat(8) + ' }'.repeat(8);
    expect(errorsOf(`{ procedures { ${costly} } }`, operationLimitRules({ ...defaultGraphqlLimits, maxCost: 100 }))[0]).toMatch(/^Query Cost limit of 100 exceeded, found \d+/);
  });

  it('count fragments by what they select, not as a level of their own', () => {
    const query = `{ procedures { ...P } } fragment P on Procedure { related { title } }`;
    expect(errorsOf(query, operationLimitRules({ ...defaultGraphqlLimits, maxDepth: 3 }))).toEqual([]);
    expect(errorsOf(query, operationLimitRules({ ...defaultGraphqlLimits, maxDepth: 2 }))).toEqual(['Query depth limit of 2 exceeded, found 3.']);
  });
});

describe('operation allowlist', () => {
  const listed = 'query List { procedures { title } }';

  it('accepts a listed operation however it is formatted, with or without __typename', () => {
    const rule = operationAllowlistRule(new Set([operationHash(listed)]));
    expect(validate(schema, parse('query List {\n  procedures { title __typename }\n}'), [rule])).toEqual([]);
  });

  it('refuses anything else with a message', () => {
    const rule = operationAllowlistRule(new Set([operationHash(listed)]));
    for (const query of ['query List { procedures { title related { title } } }', '{ procedures { title } }', `${listed} query Other { procedures { title } }`]) {
      expect(validate(schema, parse(query), [rule]).map((e) => e.message)).toEqual([NOT_ON_ALLOWLIST]);
    }
  });

  it('will not load a missing or malformed file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'allowlist-'));
    const write = (name: string, content: string) => (writeFileSync(path.join(dir, name), content), path.join(dir, name));
    expect(() => loadOperationAllowlist(path.join(dir, 'missing.json'))).toThrow(/cannot read/);
    expect(() => loadOperationAllowlist(write('empty.json', '{"operations":{}}'))).toThrow(/no "operations" map/);
    expect(() => loadOperationAllowlist(write('bad.json', '{"operations":{"List":"abc"}}'))).toThrow(/no "operations" map/);
    const good = write('good.json', JSON.stringify({ operations: { List: operationHash(listed) } }));
    expect(loadOperationAllowlist(good)).toEqual(new Set([operationHash(listed)]));
  });
});
