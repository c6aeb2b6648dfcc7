import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { getRouting } from '@/lib/localized-page';
import { loadMessages } from './messages';

// The locale comes from the URL ([locale] segment, set with setRequestLocale by every page
// and the layout); the locales come from the CMS (see routing.ts).
export default getRequestConfig(async ({ requestLocale }) => {
  const [requested, { locales, defaultLocale }] = await Promise.all([requestLocale, getRouting()]);
  const locale = hasLocale(locales, requested) ? requested : defaultLocale;
  return { locale, messages: await loadMessages(locale), timeZone: 'UTC' };
});
