import en from '../../messages/en.json';

export type Messages = typeof en;
export const MESSAGE_LOCALES = ['en', 'es'];

function merge<T extends Record<string, unknown>>(base: T, override: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    out[key] = value && typeof value === 'object' && !Array.isArray(value) ? merge((base as any)[key] ?? {}, value as Record<string, unknown>) : value;
  }
  return out as T;
}

/**
 * UI strings for a locale. A locale added in the CMS without a message file yet shows its
 * content with the default (English) interface strings, rather than failing.
 */
export async function loadMessages(locale: string): Promise<Messages> {
  if (!MESSAGE_LOCALES.includes(locale) || locale === 'en') return en;
  const own = (await import(`../../messages/${locale}.json`)).default as Record<string, unknown>;
  return merge(en, own);
}
