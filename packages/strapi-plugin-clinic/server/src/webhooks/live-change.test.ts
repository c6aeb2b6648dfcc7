import { liveChangeOf, localeScope } from './live-change';

describe('what a Document Service action changes on the live site', () => {
  it('publish, unpublish and delete are announced, naming the rows they touch', () => {
    expect(liveChangeOf('publish', {}, true)).toEqual({ event: 'publish', lookUp: 'before', rows: 'draft' });
    expect(liveChangeOf('unpublish', {}, true)).toEqual({ event: 'unpublish', lookUp: 'before', rows: 'published' });
    expect(liveChangeOf('delete', {}, true)).toEqual({ event: 'delete', lookUp: 'before', rows: 'published' });
  });

  it('create and update publish only with status "published"', () => {
    for (const action of ['create', 'update']) {
      expect(liveChangeOf(action, { status: 'published' }, true)).toEqual({ event: 'publish', lookUp: 'after', rows: 'published' });
      expect(liveChangeOf(action, { status: 'draft' }, true)).toBeNull();
      expect(liveChangeOf(action, {}, true)).toBeNull();
      expect(liveChangeOf(action, undefined, true)).toBeNull();
    }
  });

  it('reads, discarding a draft and cloning into a draft change nothing live', () => {
    for (const action of ['findOne', 'findFirst', 'findMany', 'count', 'discardDraft', 'clone']) {
      expect(liveChangeOf(action, { status: 'published' }, true)).toBeNull();
    }
  });

  it('without Draft & Publish every write is live', () => {
    for (const action of ['create', 'update', 'clone']) expect(liveChangeOf(action, {}, false)).toEqual({ event: 'publish', lookUp: 'after', rows: 'any' });
    expect(liveChangeOf('delete', {}, false)).toEqual({ event: 'delete', lookUp: 'before', rows: 'any' });
    expect(liveChangeOf('findMany', {}, false)).toBeNull();
  });

  it('an action it does not know is announced rather than missed', () => {
    expect(liveChangeOf('someFutureAction', {}, true)).toEqual({ event: 'publish', lookUp: 'after', rows: 'any' });
  });
});

describe('the locales an action names', () => {
  it('one, a list, every one, or the default when none is given', () => {
    expect(localeScope('es', true)).toEqual({ kind: 'some', locales: ['es'] });
    expect(localeScope(['en', 'es', 'en', '', 3], true)).toEqual({ kind: 'some', locales: ['en', 'es'] });
    expect(localeScope('*', true)).toEqual({ kind: 'all' });
    for (const none of [undefined, null, '']) expect(localeScope(none, true)).toEqual({ kind: 'default' });
  });

  it('a type without i18n has one version whatever the parameter says', () => {
    expect(localeScope('es', false)).toEqual({ kind: 'all' });
    expect(localeScope(undefined, false)).toEqual({ kind: 'all' });
  });
});
