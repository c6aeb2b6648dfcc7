import { liveChangeKeepsApproval, revisionRole, unsignableAttributes, unsignableRevisionMessage, type AttributeShape } from './revision-hash';
import { canonicalJson, revisionContent, revisionHash } from './revision-hash';

const relations = new Set(['faqs', 'providers']);
const procedure = {
  id: 4,
  documentId: 'doc1',
  title: 'Vertebroplasty',
  summary: 'Cement\r\nin a bone',
  sections: [
    { id: 9, kind: 'overview', heading: 'What it is', body: 'Text', steps: [] },
    { id: 10, kind: 'how_performed', heading: 'Steps', steps: [{ id: 1, title: 'Needle' }, { id: 2, title: 'Cement' }] },
  ],
  faqs: [{ id: 1, documentId: 'faqA', question: 'Q1' }, { id: 2, documentId: 'faqB', question: 'Q2' }],
  providers: [],
  updatedAt: '2026-01-01T00:00:00.000Z',
  publishedAt: null,
  lastReviewedOn: '2026-01-01',
  reviewedBy: { documentId: 'prov1' },
};
const hashOf = (entry: unknown) => revisionHash(revisionContent(entry, relations));

describe('revision hash', () => {
  it('is deterministic and ignores key order', () => {
    const reordered = Object.fromEntries(Object.entries(procedure).reverse());
    expect(hashOf(procedure)).toBe(hashOf(structuredClone(procedure)));
    expect(hashOf(reordered)).toBe(hashOf(procedure));
    expect(hashOf(procedure)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores bookkeeping: ids, timestamps, publication and the review fields', () => {
    const republished = {
      ...procedure,
      id: 99,
      updatedAt: '2027-01-01T00:00:00.000Z',
      publishedAt: '2027-01-01T00:00:00.000Z',
      lastReviewedOn: '2027-01-01',
      nextReviewDue: '2028-01-01',
      reviewedBy: { documentId: 'prov2' },
      sections: procedure.sections.map((s, i) => ({ ...s, id: 100 + i })),
      faqs: procedure.faqs.map((f, i) => ({ ...f, id: 50 + i, question: 'edited elsewhere' })),
    };
    expect(hashOf(republished)).toBe(hashOf(procedure));
  });

  it('changes with any text a patient reads, however small', () => {
    expect(hashOf({ ...procedure, title: 'Vertebroplasty.' })).not.toBe(hashOf(procedure));
    const steps = structuredClone(procedure);
    steps.sections[1]!.steps[1]!.title = 'Cement!';
    expect(hashOf(steps)).not.toBe(hashOf(procedure));
  });

  it('changes when sections, steps or FAQs are reordered, added or removed', () => {
    expect(hashOf({ ...procedure, sections: [...procedure.sections].reverse() })).not.toBe(hashOf(procedure));
    expect(hashOf({ ...procedure, faqs: [...procedure.faqs].reverse() })).not.toBe(hashOf(procedure));
    expect(hashOf({ ...procedure, faqs: procedure.faqs.slice(1) })).not.toBe(hashOf(procedure));
    expect(hashOf({ ...procedure, providers: [{ documentId: 'p9' }] })).not.toBe(hashOf(procedure));
  });

  it('treats Windows and Unix line endings as the same text', () => {
    expect(hashOf({ ...procedure, summary: 'Cement\nin a bone' })).toBe(hashOf(procedure));
  });

  it('writes canonical JSON with sorted keys', () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: 'x', c: 2 }] })).toBe('{"a":[true,null,{"c":2,"d":"x"}],"b":1}');
  });
});

describe('what a revision covers', () => {
  const models: Record<string, Record<string, AttributeShape>> = {
    page: {
      title: { type: 'string' },
      body: { type: 'richtext' },
      sections: { type: 'component', component: 'section' },
      providers: { type: 'relation' },
      procedures: { type: 'relation', mappedBy: 'faqs' },
      reviewerAccountId: { type: 'integer', private: true },
      lastReviewedOn: { type: 'date' },
    },
    section: { heading: { type: 'string' }, steps: { type: 'component', component: 'step' } },
    step: { title: { type: 'string' } },
  };
  const attributesOf = (uid: string) => models[uid];

  it('knows every attribute of the clinic model', () => {
    expect(unsignableAttributes(attributesOf, 'page')).toEqual([]);
    expect(revisionRole('procedures', models.page!.procedures!)).toBe('not-content');
    expect(revisionRole('reviewerAccountId', models.page!.reviewerAccountId!)).toBe('not-content');
    expect(revisionRole('lastReviewedOn', models.page!.lastReviewedOn!)).toBe('not-content');
  });

  it('fails closed on a kind it does not know, naming the field', () => {
    const withZone = { ...models, page: { ...models.page, blocks: { type: 'dynamiczone' }, mystery: { type: 'geo-point' } } };
    expect(unsignableAttributes((uid) => withZone[uid as keyof typeof withZone], 'page')).toEqual(['blocks (dynamiczone)', 'mystery (geo-point)']);
    expect(unsignableRevisionMessage(['blocks (dynamiczone)'])).toMatch(/cannot be published.*blocks \(dynamiczone\)/);
  });

  it('fails closed on components nested deeper than it loads', () => {
    const deep: Record<string, Record<string, AttributeShape>> = {};
    for (let i = 0; i < 7; i++) deep[`c${i}`] = { inner: { type: 'component', component: `c${i + 1}` } };
    deep.c7 = { text: { type: 'string' } };
    expect(unsignableAttributes((uid) => deep[uid], 'c0')).toEqual([expect.stringMatching(/deeper than 5/)]);
  });
});

describe('a live page changing without a new approval', () => {
  const approved = { title: 'Knee', faqs: ['a', 'b', 'c'], body: 'x' };
  const keys = ['faqs'];
  const allowed = (before: any, after: any, allowRemovals = false) => liveChangeKeepsApproval({ approved, before, after, linkKeys: keys, allowRemovals });

  it('may gain approved links as their pages go live, even at the end', () => {
    expect(allowed({ ...approved, faqs: ['a', 'c'] }, { ...approved, faqs: ['a', 'c', 'b'] })).toBe(true);
    expect(allowed({ ...approved, faqs: [] }, approved)).toBe(true);
  });

  it('never gains a link or text nobody approved, nor reorders what it showed', () => {
    expect(allowed(approved, { ...approved, faqs: ['a', 'b', 'c', 'z'] })).toBe(false);
    expect(allowed(approved, { ...approved, title: 'Knee!' })).toBe(false);
    expect(allowed(approved, { ...approved, faqs: ['b', 'a', 'c'] })).toBe(false);
  });

  it('loses a link only when a physician took that page down', () => {
    expect(allowed(approved, { ...approved, faqs: ['a', 'c'] })).toBe(false);
    expect(allowed(approved, { ...approved, faqs: ['a', 'c'] }, true)).toBe(true);
  });
});
