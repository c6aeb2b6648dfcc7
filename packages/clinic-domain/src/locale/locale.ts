/** Locale rules shared by the CMS (request validation) and the site (routing, fallback). */

export function unknownLocaleMessage(requested: string, available: readonly string[]): string | null {
  if (available.includes(requested)) return null;
  if (requested === 'all' || requested === '*') return null;
  const list = available.length ? available.join(', ') : 'none configured';
  return `Unknown locale "${requested}". Available locales: ${list}.`;
}

/**
 * The locale a page is shown in: the requested one when the document is published there,
 * otherwise the default locale (the site then marks the page as a fallback, noindex).
 */
export function chooseContentLocale(
  requested: string,
  publishedIn: readonly string[],
  defaultLocale: string,
): { locale: string; isFallback: boolean } | null {
  if (publishedIn.includes(requested)) return { locale: requested, isFallback: false };
  if (publishedIn.includes(defaultLocale)) return { locale: defaultLocale, isFallback: true };
  return null;
}

/**
 * The locale a visitor lands on at "/": their earlier choice (cookie), else the best match
 * of their browser's Accept-Language (exact, then by language), else the default.
 */
export function negotiateLocale(input: {
  cookieLocale?: string | null;
  acceptLanguage?: string | null;
  available: readonly string[];
  defaultLocale: string;
}): string {
  const { available } = input;
  if (input.cookieLocale && available.includes(input.cookieLocale)) return input.cookieLocale;
  const ranked = (input.acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.tag && r.tag !== '*' && !Number.isNaN(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const lower = available.map((code) => code.toLowerCase());
  for (const { tag } of ranked) {
    const exact = lower.indexOf(tag);
    if (exact >= 0) return available[exact]!;
    const language = tag.split('-')[0]!;
    const sameLanguage = lower.findIndex((code) => code === language || code.split('-')[0] === language);
    if (sameLanguage >= 0) return available[sameLanguage]!;
  }
  return input.defaultLocale;
}
