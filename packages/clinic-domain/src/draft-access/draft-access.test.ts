import { classifyCaller, decideRead, secretsMatch, type ReadCaller } from './draft-access';

const anonymous: ReadCaller = { kind: 'public', preview: false };
const preview: ReadCaller = { kind: 'public', preview: true };
const read = (caller: ReadCaller, params: Record<string, unknown>, draftAndPublish = true) => decideRead({ caller, draftAndPublish, params });

describe('who is asking', () => {
  const facts = { routeMatched: true, routeType: 'admin', authStrategy: 'admin', authenticated: true, previewCredential: false };

  it('trusts only an admin route with an admin session', () => {
    expect(classifyCaller(facts)).toEqual({ kind: 'admin' });
  });

  it('treats every other request as public, whatever it carries', () => {
    expect(classifyCaller({ ...facts, routeType: 'content-api' }).kind).toBe('public');
    expect(classifyCaller({ ...facts, authStrategy: 'users-permissions' }).kind).toBe('public');
    expect(classifyCaller({ ...facts, authStrategy: 'api-token' }).kind).toBe('public');
    expect(classifyCaller({ ...facts, authenticated: false }).kind).toBe('public');
    expect(classifyCaller({ ...facts, authenticated: 'true' }).kind).toBe('public');
    expect(classifyCaller({ routeMatched: true, routeType: undefined, authStrategy: undefined, authenticated: undefined, previewCredential: false }).kind).toBe('public');
  });

  it('is unrouted before the router has matched the request, whatever it claims', () => {
    expect(classifyCaller({ ...facts, routeMatched: false })).toEqual({ kind: 'unrouted' });
  });

  it('is the server itself when no request is being served', () => {
    expect(classifyCaller(null)).toEqual({ kind: 'internal' });
  });

  it('records the preview credential on public callers', () => {
    expect(classifyCaller({ ...facts, routeType: 'content-api', previewCredential: true })).toEqual({ kind: 'public', preview: true });
  });
});

describe('public reads', () => {
  it('serves exactly status "published"', () => {
    expect(read(anonymous, { status: 'published', locale: 'es' })).toEqual({ allowed: true });
  });

  it('refuses every other status value as a draft read', () => {
    for (const status of ['draft', 'DRAFT', 'Published', '', 'x', ' published', undefined, null]) {
      expect(read(anonymous, { status })).toMatchObject({ allowed: false, reason: 'draft' });
    }
  });

  it('refuses status shapes other than a string as invalid', () => {
    for (const status of [['draft'], ['published'], { $eq: 'draft' }, 1, true]) {
      expect(read(anonymous, { status })).toMatchObject({ allowed: false, reason: 'invalid' });
    }
  });

  it('says what to do instead', () => {
    const decision = read(anonymous, { status: 'draft' });
    expect(decision.allowed === false && decision.message).toMatch(/preview credential/);
  });

  it('refuses parameters it does not know instead of ignoring them', () => {
    expect(read(anonymous, { status: 'published', lookup: { publishedAt: null } })).toMatchObject({ allowed: false, reason: 'invalid' });
  });

  it('refuses selection by draft history without preview', () => {
    expect(read(anonymous, { status: 'published', publicationFilter: 'modified' })).toMatchObject({ allowed: false, reason: 'draft' });
    expect(read(anonymous, { status: 'published', hasPublishedVersion: false })).toMatchObject({ allowed: false, reason: 'draft' });
    expect(read(anonymous, { status: 'published', publicationFilter: undefined })).toEqual({ allowed: true });
  });

  it('ignores status on types without drafts', () => {
    expect(read(anonymous, {}, false)).toEqual({ allowed: true });
  });

  it('lets the preview read drafts and published text, and nothing malformed', () => {
    expect(read(preview, { status: 'draft' })).toEqual({ allowed: true });
    expect(read(preview, { status: 'published' })).toEqual({ allowed: true });
    expect(read(preview, { status: 'DRAFT' })).toMatchObject({ allowed: false, reason: 'invalid' });
    expect(read(preview, { status: ['draft'] })).toMatchObject({ allowed: false, reason: 'invalid' });
  });

  it('leaves admin sessions and the server itself alone', () => {
    expect(read({ kind: 'admin' }, { status: 'draft', lookup: {} })).toEqual({ allowed: true });
    expect(read({ kind: 'internal' }, { status: 'draft' })).toEqual({ allowed: true });
    expect(read({ kind: 'unrouted' }, { locale: 'en' })).toEqual({ allowed: true });
  });
});

describe('secrets', () => {
  it('never matches a wrong or an unconfigured secret', () => {
    expect(secretsMatch('guess', 's3cret')).toBe(false);
    expect(secretsMatch('', '')).toBe(false);
    expect(secretsMatch('s3cret', undefined)).toBe(false);
  });

  it('compares secrets of different lengths without throwing', () => {
    expect(secretsMatch('a', 'abcdef')).toBe(false);
    expect(secretsMatch('abcdef', 'abcdef')).toBe(true);
  });
});
