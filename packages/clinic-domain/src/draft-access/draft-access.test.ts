import { decideDraftRead, restQueryWantsDraft, secretsMatch } from './draft-access';

describe('draft access', () => {
  it('lets anyone read published content', () => {
    expect(decideDraftRead({ wantsDraft: false, hasPreviewCredential: false })).toEqual({ allowed: true });
  });

  it('refuses drafts without the preview secret, with a message that says what to do', () => {
    const decision = decideDraftRead({ wantsDraft: true, hasPreviewCredential: false });
    expect(decision).toMatchObject({ allowed: false, status: 403 });
    expect(decision.allowed === false && decision.message).toMatch(/preview credential/);
  });

  it('allows drafts to the holder of the preview credential', () => {
    expect(decideDraftRead({ wantsDraft: true, hasPreviewCredential: true })).toEqual({ allowed: true });
  });

  it('never matches a wrong or an unconfigured secret', () => {
    expect(secretsMatch('guess', 's3cret')).toBe(false);
    expect(secretsMatch('', '')).toBe(false);
    expect(secretsMatch('s3cret', undefined)).toBe(false);
  });

  it('compares secrets of different lengths without throwing', () => {
    expect(secretsMatch('a', 'abcdef')).toBe(false);
    expect(secretsMatch('abcdef', 'abcdef')).toBe(true);
  });

  it('reads the REST status parameter in any case and form', () => {
    expect(restQueryWantsDraft({ status: 'draft' })).toBe(true);
    expect(restQueryWantsDraft({ status: 'DRAFT' })).toBe(true);
    expect(restQueryWantsDraft({ status: ['published', 'draft'] })).toBe(true);
    expect(restQueryWantsDraft({ status: 'published' })).toBe(false);
    expect(restQueryWantsDraft({})).toBe(false);
  });
});
