import type { NextRequest } from 'next/server';
import { loadMessages, type Messages } from '@/i18n/messages';
import { siteRouting } from '@/i18n/routing';
import { lastClinicPhone } from '@/lib/cms/cms-reachability';
import type { SiteLocale } from '@/lib/cms/types';
import { MAX_PATH_LENGTH, type PathProblem } from '@/lib/request-path';
import { paths } from '@/lib/seo/alternates';
import { errorPageHtml, errorPageLocale, type ErrorPageText } from './error-page';

/** What the proxy answers itself: an address no page can have, a page outside every locale, or a page it cannot render while the CMS is down. */
export type ProxyError = { kind: 'badPath'; problem: PathProblem } | { kind: 'notFound' } | { kind: 'unavailable' };

/** How long a visitor (or crawler) should wait before asking again while the CMS is down. */
export const RETRY_AFTER_SECONDS = 30;

const PROBLEM_MESSAGE = { tooLong: 'badRequestTooLong', malformedEncoding: 'badRequestMalformedEncoding', controlCharacter: 'badRequestControlCharacter', percentSign: 'badRequestPercentSign' } as const;

/**
 * The errors namespace's strings with their {placeholders} filled in. Plain replacement rather
 * than next-intl's ICU formatter: these strings use nothing more, and the proxy stays light.
 */
function errorStrings(messages: Messages) {
  const strings = messages.errors;
  return (key: keyof typeof strings, values: Record<string, string | number> = {}) =>
    strings[key].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** Keeps the phone the error pages show fresh (the proxy calls it on every page request; it never waits on the CMS). */
export function rememberErrorPageFacts(cmsLocales: readonly SiteLocale[]): void {
  lastClinicPhone(siteRouting(cmsLocales).defaultLocale);
}

/** The proxy's own error page: localized HTML, readable without JavaScript, never cached. */
export async function errorPageResponse(request: NextRequest, cmsLocales: readonly SiteLocale[], error: ProxyError): Promise<Response> {
  const routing = siteRouting(cmsLocales);
  const locale = errorPageLocale(
    { pathname: request.nextUrl.pathname, cookieLocale: request.cookies.get('NEXT_LOCALE')?.value, acceptLanguage: request.headers.get('accept-language') },
    { locales: routing.locales, defaultLocale: routing.defaultLocale },
  );
  const t = errorStrings(await loadMessages(locale));
  const phone = lastClinicPhone(routing.defaultLocale);
  let call: ErrorPageText['call'] = { withoutNumber: t('callWithoutNumber') };
  if (phone) {
    // "… <tel>{phone}</tel> …": the link's text is the number itself.
    const [before = '', after = ''] = t('call').split(/<tel>.*?<\/tel>/);
    call = { before, phone, after };
  }
  const text: ErrorPageText =
    error.kind === 'badPath'
      ? { title: t('badRequestTitle'), paragraphs: [t(PROBLEM_MESSAGE[error.problem.reason], { max: MAX_PATH_LENGTH }), t('badRequestBody')], call, home: t('home') }
      : error.kind === 'notFound'
        ? { title: t('notFoundTitle'), paragraphs: [t('notFoundBody')], call, home: t('home') }
        : { title: t('unavailableTitle'), paragraphs: [t('unavailableBody')], call, home: t('home') };
  const status = error.kind === 'badPath' ? error.problem.status : error.kind === 'notFound' ? 404 : 503;
  // The language follows the visitor's cookie and browser, not the address alone.
  const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex', 'Content-Language': locale, Vary: 'Accept-Language, Cookie' });
  if (status === 503) headers.set('Retry-After', String(RETRY_AFTER_SECONDS));
  return new Response(errorPageHtml({ locale, homePath: paths.home(locale), text }), { status, headers });
}
