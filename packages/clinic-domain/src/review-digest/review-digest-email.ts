/**
 * The reminder as an email, in the recipient's language: a subject that says how much is
 * waiting, and a line per page with a link to its edit view in the admin.
 */
import type { ReviewDigest } from './review-digest';

const MESSAGES = {
  en: {
    subjectPhysician: (due: number, waiting: number) => `Medical review: ${due} due, ${waiting} waiting`,
    subjectEditor: (rejected: number) => `Medical review: ${rejected} rejected ${rejected === 1 ? 'revision' : 'revisions'} to revise`,
    greeting: (name: string) => `Hello ${name},`,
    due: 'Reviews overdue or due soon',
    overdue: (date: string) => `overdue since ${date}`,
    dueSoon: (date: string) => `due on ${date}`,
    waiting: 'Revisions waiting for a physician',
    submitted: (by: string, on: string) => `submitted by ${by} on ${on}`,
    rejected: 'Your revisions a physician rejected',
    rejectedBy: (by: string, on: string) => `rejected by ${by} on ${on}`,
    noComment: 'no comment',
    queue: 'Open the Medical review page',
    footer: 'You receive this once a day while something waits for you.',
  },
  es: {
    subjectPhysician: (due: number, waiting: number) => `Revisión médica: ${due} por revisar, ${waiting} en espera`,
    subjectEditor: (rejected: number) => `Revisión médica: ${rejected} ${rejected === 1 ? 'revisión rechazada' : 'revisiones rechazadas'} por corregir`,
    greeting: (name: string) => `Hola, ${name}:`,
    due: 'Revisiones vencidas o próximas a vencer',
    overdue: (date: string) => `vencida desde el ${date}`,
    dueSoon: (date: string) => `vence el ${date}`,
    waiting: 'Revisiones que esperan a un médico',
    submitted: (by: string, on: string) => `enviada por ${by} el ${on}`,
    rejected: 'Sus revisiones rechazadas por un médico',
    rejectedBy: (by: string, on: string) => `rechazada por ${by} el ${on}`,
    noComment: 'sin comentario',
    queue: 'Abrir la página de Revisión médica',
    footer: 'Recibe este mensaje una vez al día mientras algo le espera.',
  },
} as const;

export type DigestLanguage = keyof typeof MESSAGES;
export const DIGEST_LANGUAGES = Object.keys(MESSAGES) as DigestLanguage[];

export interface DigestEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The Content Manager's edit view of one locale of a document. */
export const adminEditLink = (adminUrl: string, page: { contentType: string; documentId: string; locale: string }) =>
  `${adminUrl.replace(/\/+$/, '')}/content-manager/collection-types/${page.contentType}/${encodeURIComponent(page.documentId)}?plugin[i18n][locale]=${encodeURIComponent(page.locale)}`;

interface Line {
  title: string;
  locale: string;
  link: string;
  detail: string;
}

export function renderDigestEmail(digest: ReviewDigest, options: { adminUrl: string }): DigestEmail {
  const m = MESSAGES[(digest.language in MESSAGES ? digest.language : 'en') as DigestLanguage];
  const link = (page: { contentType: string; documentId: string; locale: string }) => adminEditLink(options.adminUrl, page);
  const day = (iso: string) => iso.slice(0, 10);
  const groups: Array<{ heading: string; lines: Line[] }> = [];
  let subject: string;
  if (digest.role === 'physician') {
    subject = m.subjectPhysician(digest.due.length, digest.waiting.length);
    if (digest.due.length) {
      groups.push({ heading: m.due, lines: digest.due.map((p) => ({ title: p.title, locale: p.locale, link: link(p), detail: p.dueState === 'overdue' ? m.overdue(p.nextReviewDue!) : m.dueSoon(p.nextReviewDue!) })) });
    }
    if (digest.waiting.length) {
      groups.push({ heading: m.waiting, lines: digest.waiting.map((r) => ({ title: r.title, locale: r.locale, link: link(r), detail: m.submitted(r.submittedBy, day(r.submittedAt)) })) });
    }
  } else {
    subject = m.subjectEditor(digest.rejected.length);
    groups.push({
      heading: m.rejected,
      lines: digest.rejected.map((r) => ({ title: r.title, locale: r.locale, link: link(r), detail: `${m.rejectedBy(r.physicianName, day(r.rejectedAt))}: “${r.comment ?? m.noComment}”` })),
    });
  }
  const queue = `${options.adminUrl.replace(/\/+$/, '')}/plugins/clinic`;
  const text = [
    m.greeting(digest.recipient.name),
    ...groups.flatMap((g) => ['', `${g.heading}:`, ...g.lines.map((l) => `- ${l.title} (${l.locale}), ${l.detail}\n  ${l.link}`)]),
    '',
    `${m.queue}: ${queue}`,
    '',
    m.footer,
  ].join('\n');
  const html = [
    `<p>${escapeHtml(m.greeting(digest.recipient.name))}</p>`,
    ...groups.map((g) => `<h2>${escapeHtml(g.heading)}</h2><ul>${g.lines.map((l) => `<li><a href="${escapeHtml(l.link)}">${escapeHtml(l.title)}</a> (${escapeHtml(l.locale)}), ${escapeHtml(l.detail)}</li>`).join('')}</ul>`),
    `<p><a href="${escapeHtml(queue)}">${escapeHtml(m.queue)}</a></p>`,
    `<p>${escapeHtml(m.footer)}</p>`,
  ].join('\n');
  return { to: digest.recipient.email, subject, text, html };
}
