/** A language's name in that language ("Español"), as patients look for it in a switcher. */
export function nativeLanguageName(code: string, fallback?: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    if (name && name !== code) return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    // An unusual code: fall back to the CMS's name.
  }
  return fallback?.replace(/\s*\([^)]*\)\s*$/, '') ?? code;
}

/** A language's name in the reader's language ("inglés" for a Spanish reader). */
export function languageNameIn(code: string, readerLocale: string, fallback?: string): string {
  try {
    const name = new Intl.DisplayNames([readerLocale], { type: 'language' }).of(code);
    if (name && name !== code) return name;
  } catch {
    // fall through
  }
  return fallback?.replace(/\s*\([^)]*\)\s*$/, '') ?? code;
}
