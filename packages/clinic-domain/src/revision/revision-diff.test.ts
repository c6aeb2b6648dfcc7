import { diffLines, revisionDiff, revisionLines } from './revision-diff';

describe('revision diff', () => {
  it('labels each line of text with where it sits', () => {
    expect(revisionLines({ title: 'Kyphoplasty', sections: [{ heading: 'Risks', body: 'Bleeding\n\nInfection' }] })).toEqual([
      'sections › 1 › body: Bleeding',
      'sections › 1 › body: Infection',
      'sections › 1 › heading: Risks',
      'title: Kyphoplasty',
    ]);
  });

  it('shows a changed sentence as one line removed and one added, the rest unchanged', () => {
    const before = { title: 'A', summary: 'Old sentence.' };
    const after = { title: 'A', summary: 'New sentence.' };
    expect(revisionDiff(before, after)).toEqual([
      { kind: 'removed', text: 'summary: Old sentence.' },
      { kind: 'added', text: 'summary: New sentence.' },
      { kind: 'same', text: 'title: A' },
    ]);
  });

  it('shows everything as added when nothing was approved before', () => {
    expect(revisionDiff(null, { title: 'A' })).toEqual([{ kind: 'added', text: 'title: A' }]);
  });

  it('keeps order for insertions in the middle', () => {
    expect(diffLines(['a', 'c'], ['a', 'b', 'c']).map((l) => l.kind)).toEqual(['same', 'added', 'same']);
  });
});
