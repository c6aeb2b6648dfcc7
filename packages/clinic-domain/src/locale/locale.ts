/** Locale rules shared by the CMS (request validation) and the site (routing, fallback). */
import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';

export function unknownLocaleMessage(requested: string, available: readonly string[]): string | null {
  if (available.includes(requested)) return null;
  if (requested === '*') return null;
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

/** A well-formed BCP 47 tag (Negotiator passes on whatever the header holds; '*' means any). */
function isLanguageTag(tag: string): boolean {
  if (tag === '*') return false;
  try {
    Intl.getCanonicalLocales(tag);
    return true;
  } catch {
    return false;
  }
}

/**
 * The locale a visitor lands on at "/": their earlier choice (cookie), else the best match
 * of their browser's Accept-Language, else the default. Negotiator ranks the header's
 * languages by quality; formatjs's locale matcher maps them onto the site's locales, first
 * by RFC 4647 lookup in the visitor's order (es-419 finds es, en-GB finds en), then by CLDR's
 * language distance (fr finds fr-CA, en finds en-US).
 */
export function negotiateLocale(input: {
  cookieLocale?: string | null;
  acceptLanguage?: string | null;
  available: readonly string[];
  defaultLocale: string;
}): string {
  const { available } = input;
  if (input.cookieLocale && available.includes(input.cookieLocale)) return input.cookieLocale;
  const preferred = new Negotiator({ headers: { 'accept-language': input.acceptLanguage ?? '' } }).languages().filter(isLanguageTag);
  if (!preferred.length || !available.length) return input.defaultLocale;
  return (
    match(preferred, available, NO_MATCH, { algorithm: 'lookup' }) ||
    match(preferred, available, NO_MATCH, { algorithm: 'best fit' }) ||
    input.defaultLocale
  );
}

/** What the matcher answers when nothing matches, so the default is applied only after both passes. */
const NO_MATCH = '';
