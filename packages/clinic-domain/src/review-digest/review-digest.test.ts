import { buildReviewDigests, calendarDayIn, digestDeliveryKey, digestLanguage, standingRejections, type DigestInput, type DigestLogEntry } from './review-digest';
import { renderDigestEmail } from './review-digest-email';

const PROCEDURE = 'plugin::clinic.procedure';
const PROVIDER = 'plugin::clinic.provider';
const stauss = { id: '2', email: 'stauss@clinic.test', name: 'Thomas Stauss', language: null, providerDocumentId: 'prov-stauss' };
const lee = { id: '3', email: 'lee@clinic.test', name: 'Ana Lee', language: 'es', providerDocumentId: 'prov-lee' };
const editor = { id: '5', email: 'editor@clinic.test', name: 'Eda Editor', language: 'en' };
const otherEditor = { id: '6', email: 'other@clinic.test', name: 'Otto Other', language: null };

const base: DigestInput = {
  today: '2026-11-24',
  physicians: [stauss, lee],
  editors: [editor, otherEditor],
  duePages: [],
  waiting: [],
  rejections: [],
  allowPeerBioApproval: false,
  clinicLanguage: 'en',
  languages: ['en', 'es'],
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const page = (documentId: string, extra: Record<string, unknown>): any => ({ contentType: PROCEDURE, documentId, locale: 'en', title: `Page ${documentId}`, ...extra });

describe('buildReviewDigests', () => {
  it('tells each physician of the pages they signed that are overdue or due within 30 days, soonest first', () => {
    const digests = buildReviewDigests({
      ...base,
      duePages: [
        page('a', { nextReviewDue: '2026-12-10', reviewerProviderDocumentId: 'prov-stauss' }),
        page('b', { nextReviewDue: '2026-11-01', reviewerProviderDocumentId: 'prov-stauss' }),
        page('c', { nextReviewDue: '2027-06-01', reviewerProviderDocumentId: 'prov-stauss' }), // not due yet
        page('d', { nextReviewDue: '2026-11-30', reviewerProviderDocumentId: 'prov-lee' }),
      ],
    });
    expect(digests.map((d) => [d.recipient.email, d.role === 'physician' && d.due.map((p) => [p.documentId, p.dueState])])).toEqual([
      ['stauss@clinic.test', [['b', 'overdue'], ['a', 'due-soon']]],
      ['lee@clinic.test', [['d', 'due-soon']]],
    ]);
  });

  it('tells every physician of a due page whose signer has no account here', () => {
    const digests = buildReviewDigests({ ...base, duePages: [page('a', { nextReviewDue: '2026-11-20', reviewerProviderDocumentId: 'prov-retired' }), page('b', { nextReviewDue: '2026-11-20', reviewerProviderDocumentId: null })] });
    expect(digests.map((d) => d.role === 'physician' && d.due.length)).toEqual([2, 2]);
  });

  it('tells physicians of waiting revisions; without peer approval a bio only reaches the physician it describes', () => {
    const waiting = [page('p1', { submittedBy: 'Eda', submittedAt: '2026-11-20T10:00:00.000Z' }), { contentType: PROVIDER, documentId: 'prov-lee', locale: 'es', title: 'Ana Lee', submittedBy: 'Eda', submittedAt: '2026-11-21T10:00:00.000Z' }];
    const strict = buildReviewDigests({ ...base, waiting });
    expect(strict.map((d) => [d.recipient.id, d.role === 'physician' && d.waiting.map((w) => w.documentId)])).toEqual([
      ['2', ['p1']],
      ['3', ['p1', 'prov-lee']],
    ]);
    const peers = buildReviewDigests({ ...base, waiting, allowPeerBioApproval: true });
    expect(peers.map((d) => d.role === 'physician' && d.waiting.length)).toEqual([2, 2]);
  });

  it('tells each editor of their own rejected revisions, and nobody with nothing to do gets a digest', () => {
    const rejection = { ...page('r', {}), submitterId: '5', physicianName: 'Thomas Stauss', comment: 'Cite the risk rate.', rejectedAt: '2026-11-23T09:00:00.000Z' };
    const digests = buildReviewDigests({ ...base, rejections: [rejection] });
    expect(digests).toEqual([{ role: 'editor', recipient: editor, language: 'en', rejected: [rejection] }]);
    expect(buildReviewDigests(base)).toEqual([]);
  });
});

describe('standingRejections', () => {
  const entry = (documentId: string, decision: string, actorId: string, at: string, comment: string | null = null): DigestLogEntry => ({ contentType: PROCEDURE, documentId, locale: 'en', decision, actorId, actorName: actorId === '2' ? 'Thomas Stauss' : 'Eda', at, comment });

  it('keeps a rejection only while it is the latest decision, naming who submitted what was rejected', () => {
    const entries = [
      entry('a', 'submitted', '5', '2026-11-01T00:00:00Z'),
      entry('a', 'rejected', '2', '2026-11-02T00:00:00Z', 'Too technical.'),
      entry('b', 'submitted', '6', '2026-11-01T00:00:00Z'),
      entry('b', 'rejected', '2', '2026-11-02T00:00:00Z', 'No.'),
      entry('b', 'submitted', '6', '2026-11-03T00:00:00Z'), // resubmitted: the rejection no longer stands
      entry('c', 'approved', '2', '2026-11-03T00:00:00Z'),
    ];
    expect(standingRejections(entries)).toEqual([{ contentType: PROCEDURE, documentId: 'a', locale: 'en', submitterId: '5', physicianName: 'Thomas Stauss', comment: 'Too technical.', rejectedAt: '2026-11-02T00:00:00Z' }]);
  });
});

describe('digestLanguage and the delivery key', () => {
  it("speaks the account's admin language, else the clinic's default, else the first it knows", () => {
    expect(digestLanguage('es', 'en', ['en', 'es'])).toBe('es');
    expect(digestLanguage('es-MX', 'en', ['en', 'es'])).toBe('es');
    expect(digestLanguage(null, 'es', ['en', 'es'])).toBe('es');
    expect(digestLanguage('fr', 'de', ['en', 'es'])).toBe('en');
  });

  it("takes the clinic's day in its time zone", () => {
    const lateEvening = new Date('2026-11-25T03:30:00Z');
    expect(calendarDayIn(lateEvening, 'UTC')).toBe('2026-11-25');
    expect(calendarDayIn(lateEvening, 'America/Chicago')).toBe('2026-11-24');
  });

  it('is one per recipient per day', () => {
    expect(digestDeliveryKey('2026-11-24', '5')).toBe('2026-11-24|5');
  });
});

describe('renderDigestEmail', () => {
  const adminUrl = 'http://cms.test/admin/';
  it("writes a physician's digest in Spanish with links to each page's edit view", () => {
    const [digest] = buildReviewDigests({ ...base, physicians: [lee], duePages: [page('d', { locale: 'es', title: 'Cifoplastia', nextReviewDue: '2026-11-01', reviewerProviderDocumentId: 'prov-lee' })] });
    const email = renderDigestEmail(digest!, { adminUrl });
    expect(email.to).toBe('lee@clinic.test');
    expect(email.subject).toBe('Revisión médica: 1 por revisar, 0 en espera');
    expect(email.text).toContain('Hola, Ana Lee:');
    expect(email.text).toContain('- Cifoplastia (es), vencida desde el 2026-11-01\n  http://cms.test/admin/content-manager/collection-types/plugin::clinic.procedure/d?plugin[i18n][locale]=es');
    expect(email.html).toContain('<a href="http://cms.test/admin/plugins/clinic">Abrir la página de Revisión médica</a>');
  });

  it("writes an editor's digest with the physician's comment, escaped in HTML", () => {
    const rejection = { ...page('r', { title: 'Knee <b>pain</b>' }), submitterId: '5', physicianName: 'Thomas Stauss', comment: 'Say "rarely" & cite it.', rejectedAt: '2026-11-23T09:00:00.000Z' };
    const [digest] = buildReviewDigests({ ...base, rejections: [rejection] });
    const email = renderDigestEmail(digest!, { adminUrl });
    expect(email.subject).toBe('Medical review: 1 rejected revision to revise');
    expect(email.text).toContain('- Knee <b>pain</b> (en), rejected by Thomas Stauss on 2026-11-23: “Say "rarely" & cite it.”');
    expect(email.html).toContain('Knee &lt;b&gt;pain&lt;/b&gt;');
    expect(email.html).toContain('Say &quot;rarely&quot; &amp; cite it.');
  });
});
