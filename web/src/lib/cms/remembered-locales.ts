/**
 * The CMS's locale list as the site last read it, kept on disk beside Next's cache, so that a
 * site started while the CMS is down still routes every locale it served before (its cached
 * pages are there too) instead of the fallback locale alone. Written when the list changes,
 * read only when the CMS has not answered since the process started.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SiteLocale } from './types';

/** SITE_LOCALES_FILE, or `cache/site-locales.json` in the site's build directory (.next, or NEXT_DIST_DIR). */
function fileOf(env = process.env): string {
  return env['SITE_LOCALES_FILE'] || join(process.cwd(), env['NEXT_DIST_DIR'] || '.next', 'cache', 'site-locales.json');
}

const isLocale = (value: unknown): value is SiteLocale =>
  !!value && typeof value === 'object' && typeof (value as SiteLocale).code === 'string' && typeof (value as SiteLocale).name === 'string' && typeof (value as SiteLocale).isDefault === 'boolean';

// What was last written where: the list is read every minute, and rarely changes.
let written = '';

/** Keeps the list for a later start (a failure to write costs only that fallback). */
export function rememberSiteLocales(locales: SiteLocale[]): void {
  const file = fileOf();
  const text = JSON.stringify(locales);
  if (`${file}\n${text}` === written) return;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    written = `${file}\n${text}`;
  } catch {
    // A read-only disk: the site still routes by what it reads from the CMS.
  }
}

/** The list last kept, or null when there is none (or it is not a list of locales). */
export function recallSiteLocales(): SiteLocale[] | null {
  try {
    const value: unknown = JSON.parse(readFileSync(fileOf(), 'utf8'));
    return Array.isArray(value) && value.length > 0 && value.every(isLocale) ? value : null;
  } catch {
    return null;
  }
}
