import { headers } from 'next/headers';
import { negotiateLocale } from 'clinic-domain';
import { getLocales } from './cms';

/**
 * The locale of a request: the URL's when the CMS has it. For an unknown locale the page is
 * a 404, told in the visitor's own language (only those requests read headers, so valid
 * pages stay cacheable).
 */
export async function resolveLocale(requested: string): Promise<{ locale: string; valid: boolean }> {
  const locales = await getLocales();
  if (locales.some((l) => l.code === requested)) return { locale: requested, valid: true };
  const h = await headers();
  const locale = negotiateLocale({
    acceptLanguage: h.get('accept-language'),
    available: locales.map((l) => l.code),
    defaultLocale: locales.find((l) => l.isDefault)?.code ?? 'en',
  });
  return { locale, valid: false };
}
