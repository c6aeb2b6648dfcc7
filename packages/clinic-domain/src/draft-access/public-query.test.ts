import { publicQueryProblem, rawQueryKeyProblem, type QueryAttribute } from './public-query';

const models: Record<string, Record<string, QueryAttribute>> = {
  procedure: {
    title: { type: 'string' },
    slug: { type: 'uid' },
    typicalDurationMinutes: { type: 'integer' },
    publishedAt: { type: 'datetime' },
    sections: { type: 'component', component: 'section' },
    providers: { type: 'relation', relation: 'manyToMany', target: 'provider' },
    localizations: { type: 'relation', relation: 'oneToMany', target: 'procedure' },
    createdBy: { type: 'relation', relation: 'oneToOne', target: 'admin::user' },
  },
  provider: {
    fullName: { type: 'string' },
    reviewerAccountId: { type: 'integer', private: true },
    photo: { type: 'media' },
    procedures: { type: 'relation', relation: 'manyToMany', target: 'procedure' },
  },
  section: { heading: { type: 'string' } },
  'plugin::upload.file': { name: { type: 'string' }, related: { type: 'relation', relation: 'morphToMany' } },
};
const problem = (uid: string, params: Record<string, unknown>) => publicQueryProblem((u) => models[u], uid, params);

describe('public query shapes', () => {
  it('lets the site’s own kinds of query through', () => {
    expect(problem('procedure', { filters: { title: { $eq: 'Knee' } }, sort: 'title:asc', pagination: { page: 1, pageSize: 25 } })).toBeNull();
    expect(problem('procedure', { filters: { $or: [{ title: { $containsi: 'k' } }, { typicalDurationMinutes: { $between: ['10', '30'] } }] } })).toBeNull();
    expect(problem('procedure', { filters: { providers: { fullName: { $startsWith: 'T' } } }, populate: { providers: { populate: { photo: true } } } })).toBeNull();
    expect(problem('procedure', { populate: '*', sort: ['title:desc', { typicalDurationMinutes: 'asc' }], _q: 'knee' })).toBeNull();
    expect(problem('procedure', { filters: { documentId: 'abc', id: { $in: ['1', '2'] } } })).toBeNull();
  });

  it('refuses to follow localizations, which join other locales’ drafts', () => {
    expect(problem('procedure', { filters: { localizations: { title: { $contains: 'secret' } } } })).toMatch(/localizations/);
    expect(problem('provider', { filters: { procedures: { localizations: { title: { $contains: 's' } } } } })).toMatch(/localizations/);
    expect(problem('procedure', { sort: 'localizations.title:asc' })).toMatch(/localizations/);
    expect(problem('procedure', { populate: { localizations: { filters: { title: { $eq: 'x' } } } } })).toMatch(/localizations/);
  });

  it('refuses a file’s related rows and private or admin relations', () => {
    expect(problem('provider', { populate: { photo: { populate: '*' } } })).toMatch(/file/);
    expect(problem('provider', { populate: { photo: { populate: { related: true } } } })).toMatch(/file/);
    expect(problem('procedure', { filters: { createdBy: { email: { $startsWith: 'a' } } } })).toMatch(/private/);
    expect(problem('provider', { filters: { reviewerAccountId: { $eq: '1' } } })).toMatch(/private/);
    expect(problem('procedure', { populate: { createdBy: true } })).toMatch(/private/);
  });

  it('refuses malformed operators and values instead of letting the database fail', () => {
    expect(problem('procedure', { filters: { title: { $between: 'a' } } })).toMatch(/two values/);
    expect(problem('procedure', { filters: { typicalDurationMinutes: { $gt: 'abc' } } })).toMatch(/number/);
    expect(problem('procedure', { filters: { $and: 'x' } })).toMatch(/list of filter objects/);
    expect(problem('procedure', { filters: { 0: '1' } })).toMatch(/not a field/);
    expect(problem('procedure', { filters: { title: { $eq: { $eq: 'a' } } } })).toMatch(/single value/);
    expect(problem('procedure', { filters: { $or: ['1'] } })).toMatch(/list of filter objects/);
    expect(problem('procedure', { filters: { title: { $regex: '.*' } } })).toMatch(/unknown operator/);
    expect(problem('procedure', { filters: { publishedAt: { $gt: 'yesterday' } } })).toMatch(/date/);
    expect(problem('procedure', { filters: 'x' })).toMatch(/object/);
    expect(problem('procedure', { _q: ['a'] })).toMatch(/_q/);
    expect(problem('procedure', { _q: { $ne: 'a' } })).toMatch(/_q/);
  });

  it('refuses pages that do not exist', () => {
    expect(problem('procedure', { pagination: { page: -1, pageSize: 10 } })).toMatch(/page/);
    expect(problem('procedure', { pagination: { pageSize: 0 } })).toMatch(/pageSize/);
    expect(problem('procedure', { start: -5 })).toMatch(/start/);
    expect(problem('procedure', { limit: -1 })).toMatch(/limit/);
    expect(problem('procedure', { limit: 25, start: 0 })).toBeNull();
    expect(problem('procedure', { pagination: { page: 'x' } })).toMatch(/page/);
  });

  it('refuses sorting in no direction and populating what is not a relation', () => {
    expect(problem('procedure', { sort: 'title:sideways' })).toMatch(/asc or desc/);
    expect(problem('procedure', { populate: { title: true } })).toMatch(/cannot be populated/);
    expect(problem('procedure', { populate: { providers: { status: 'draft' } } })).toMatch(/unknown populate option/);
  });

  it('refuses an empty field name, which Strapi would send to the database as a column', () => {
    expect(problem('procedure', { fields: '' })).toMatch(/not an empty one/);
    expect(problem('procedure', { fields: ['title', ''] })).toMatch(/not an empty one/);
    expect(problem('procedure', { populate: { providers: { fields: [''] } } })).toMatch(/populate\[providers\]\[fields\]/);
    expect(problem('procedure', { fields: ['title', 'slug'] })).toBeNull();
    expect(problem('procedure', { fields: 'title,slug' })).toBeNull();
  });

  it('knows only a model’s own fields: JavaScript built-in names are not fields', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
      expect(problem('procedure', { fields: [name] })).toMatch(/is not a field of procedure/);
      expect(problem('procedure', { fields: `title,${name}` })).toMatch(/is not a field/);
      expect(problem('provider', { populate: { photo: { fields: [name] } } })).toMatch(/populate\[photo\]\[fields\]: .* is not a field of plugin::upload.file/);
      expect(problem('procedure', { populate: { sections: { fields: [name] } } })).toMatch(/is not a field of section/);
      expect(problem('procedure', { populate: { [name]: '*' } })).toMatch(/cannot be populated/);
      expect(problem('procedure', { filters: { [name]: { $eq: '1' } } })).toMatch(/is not a field/);
      expect(problem('procedure', { filters: { $and: [{ [name]: { $eq: '1' } }] } })).toMatch(/is not a field/);
      expect(problem('procedure', { sort: `${name}:asc` })).toMatch(/is not a field/);
    }
    expect(problem('procedure', { fields: ['nope'] })).toMatch(/"nope" is not a field/);
    expect(problem('procedure', { fields: ['title', 'documentId', 'id'] })).toBeNull();
    expect(problem('provider', { populate: { photo: { fields: ['name'] } } })).toBeNull();
  });
});

describe('raw query keys', () => {
  it('refuses keys naming built-in object members, which the query parser would silently drop', () => {
    for (const qs of ['constructor=1', '__proto__=1', 'hasOwnProperty=1', 'pagination[constructor]=1', 'populate[constructor]=*', 'filters[$and][0][constructor][$eq]=1', 'filters%5Bconstructor%5D=1', 'a=1&toString=2']) {
      expect(rawQueryKeyProblem(qs)).toMatch(/is not a query parameter or field/);
    }
  });

  it('lets ordinary keys and values through, built-in names as values included', () => {
    expect(rawQueryKeyProblem('')).toBeNull();
    expect(rawQueryKeyProblem('fields[0]=title&populate[photo][fields][0]=url&filters[title][$eq]=constructor&sort=title:asc')).toBeNull();
  });

  it('refuses a key that is not valid URL encoding', () => {
    expect(rawQueryKeyProblem('%E0%A4%A=1')).toMatch(/not valid URL encoding/);
  });
});
