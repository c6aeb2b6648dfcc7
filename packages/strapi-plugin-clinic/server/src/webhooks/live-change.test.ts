import { liveChangeOf } from './live-change';

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
