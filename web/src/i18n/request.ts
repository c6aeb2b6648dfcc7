import { getRequestConfig } from 'next-intl/server';
import { loadMessages } from './messages';

// The locale comes from the URL ([locale] segment, set with setRequestLocale); the list of
// locales comes from the CMS (see lib/cms getLocales), so none is declared here.
export default getRequestConfig(async ({ requestLocale }) => {
  const locale = (await requestLocale) ?? 'en';
  return { locale, messages: await loadMessages(locale), timeZone: 'UTC' };
});
