import { getLocales } from './cms';

/**
 * Whether the URL's locale is one the CMS has. Unknown locales never reach the pages: the
 * proxy rewrites them to a 404 in the visitor's own language (see proxy.ts).
 */
export async function resolveLocale(requested: string): Promise<{ locale: string; valid: boolean }> {
  const locales = await getLocales();
  if (locales.some((l) => l.code === requested)) return { locale: requested, valid: true };
  return { locale: locales.find((l) => l.isDefault)?.code ?? 'en', valid: false };
}
