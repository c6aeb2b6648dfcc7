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
