import { pageReadingLevels, textSections } from './text-sections';

const LONG_EASY = 'You will lie on your front. The doctor numbs your back. A thin needle goes into the bone.';
const LONG_HARD =
  'Percutaneous vertebral augmentation stabilizes osteoporotic compression fractures through fluoroscopically guided transpedicular instrumentation.';

describe('textSections', () => {
  it("takes each procedure section's body and its numbered steps as one text", () => {
    const sections = textSections('procedure', {
      title: 'Kyphoplasty',
      sections: [
        { kind: 'overview', heading: 'Overview', body: 'A short **body**.' },
        { kind: 'how_performed', heading: 'How it is done', body: null, steps: [{ title: 'Numbing', detail: 'The skin is numbed' }, { title: 'Needle' }] },
      ],
    });
    expect(sections).toEqual([
      { key: 'sections.0', label: 'Overview', kind: 'overview', text: 'A short **body**.' },
      { key: 'sections.1', label: 'How it is done', kind: 'how_performed', text: 'Numbing. The skin is numbed\n\nNeedle' },
    ]);
  });

  it("takes an FAQ's answer and a provider's biography", () => {
    expect(textSections('faq', { question: 'Does it hurt?', answer: 'A little.' })).toEqual([{ key: 'answer', label: 'Does it hurt?', kind: null, text: 'A little.' }]);
    expect(textSections('provider', { fullName: 'Dr X', biography: null })).toEqual([{ key: 'biography', label: null, kind: null, text: '' }]);
    expect(textSections('procedure', {})).toEqual([]);
  });
});

describe('pageReadingLevels', () => {
  it('scores every section against the target and counts those above it', () => {
    const levels = pageReadingLevels('procedure', { sections: [{ kind: 'overview', heading: 'Overview', body: LONG_EASY }, { kind: 'risks', heading: 'Risks', body: LONG_HARD }] }, 'en', 8);
    expect(levels.target).toBe(8);
    expect(levels.aboveTarget).toBe(1);
    expect(levels.sections.map((s) => [s.key, s.aboveTarget, s.level.scored])).toEqual([
      ['sections.0', false, true],
      ['sections.1', true, true],
    ]);
  });
});
