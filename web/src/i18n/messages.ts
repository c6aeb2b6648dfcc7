import en from '../../messages/en.json';

/** Interface strings are written in English (messages/en.json); every other file translates them. */
export type Messages = typeof en;

function merge<T extends Record<string, unknown>>(base: T, override: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    out[key] = value && typeof value === 'object' && !Array.isArray(value) ? merge((base as any)[key] ?? {}, value as Record<string, unknown>) : value;
  }
  return out as T;
}

/**
 * UI strings for a locale (one the CMS has: request.ts checks). A locale added in the CMS
 * without a message file yet shows its content with the English interface strings, and a
 * file with some strings missing falls back to English for those, rather than failing.
 */
export async function loadMessages(locale: string): Promise<Messages> {
  let own: Record<string, unknown>;
  try {
    own = (await import(`../../messages/${locale}.json`)).default;
  } catch {
    return en;
  }
  return merge(en, own);
}
