import { telHref } from '@/lib/tel-href';

/**
 * The error pages the proxy answers itself (400/414 for an address no page can have, 503
 * while the CMS is down and the page is not cached): plain server HTML that a browser without
 * JavaScript reads whole, in the visitor's language, with the clinic's phone and a way home.
 * Pure: the proxy hands in the strings, the locale and the phone.
 */

export interface ErrorPageText {
  title: string;
  /** Paragraphs, in order. */
  paragraphs: string[];
  /** The call line: with the number, its text before and after the link; without, one sentence. */
  call: { before: string; phone: string; after: string } | { withoutNumber: string };
  home: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and attribute values: nothing in it can open a tag or end an attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function errorPageHtml({ locale, homePath, text }: { locale: string; homePath: string; text: ErrorPageText }): string {
  const href = 'phone' in text.call ? telHref(text.call.phone) : null;
  const phone = 'phone' in text.call ? (href ? `<a href="${escapeHtml(href)}">${escapeHtml(text.call.phone)}</a>` : escapeHtml(text.call.phone)) : '';
  const call = 'phone' in text.call ? `${escapeHtml(text.call.before)}${phone}${escapeHtml(text.call.after)}` : escapeHtml(text.call.withoutNumber);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(text.title)}</title>
</head>
<body>
<main id="main">
<h1>${escapeHtml(text.title)}</h1>
${text.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p>${call}</p>
<p><a href="${escapeHtml(homePath)}">${escapeHtml(text.home)}</a></p>
</main>
</body>
</html>
`;
}

/**
 * The language of a page the proxy answers itself: the path's first segment when it is a
 * locale of the site, then the NEXT_LOCALE cookie, then Accept-Language (by q, exact tag or
 * its language), else the default.
 */
export function errorPageLocale(
  { pathname, cookieLocale, acceptLanguage }: { pathname: string; cookieLocale?: string; acceptLanguage?: string | null },
  { locales, defaultLocale }: { locales: readonly string[]; defaultLocale: string },
): string {
  const known = (code: string | undefined) => (code && locales.includes(code) ? code : undefined);
  const first = pathname.split('/')[1];
  const fromHeader = (acceptLanguage ?? '')
    .split(',')
    .slice(0, 20)
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? '1');
      return { tag: tag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order)
    .map((l) => known(l.tag) ?? known(l.tag.split('-')[0]))
    .find(Boolean);
  return known(first) ?? known(cookieLocale) ?? fromHeader ?? defaultLocale;
}
