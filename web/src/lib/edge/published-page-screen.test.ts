import { NextRequest } from 'next/server';
import { proxy } from '../../proxy';
import type { SiteLocale } from '../cms/types';
import { EDGE_CHECKED_HEADER, edgeState, screenPublishedPage, type EdgeState } from './published-page-screen.cjs';

// The proxy as it runs, with the CMS's answers faked (jest.mock is hoisted above the imports).
const cms: { locales: SiteLocale[]; up: boolean } = { locales: [], up: true };
jest.mock('../cms/site-locales', () => ({ getSiteLocales: async () => cms.locales }));
jest.mock('../cms/cms-reachability', () => ({ lastClinicPhone: () => '+1 (262) 555-0142' }));
jest.mock('../cms/cms-outage', () => ({ cmsKnownDown: () => !cms.up }));

const EN_ES: SiteLocale[] = [
  { code: 'en', name: 'English (en)', isDefault: true },
  { code: 'es', name: 'Spanish (es)', isDefault: false },
];

type NodeHeaders = Record<string, string | undefined>;
const withoutExpires = (cookie: string | null | undefined) => cookie?.replace(/Expires=[^;]*; /, '') ?? null;

/** A state as the proxy publishes it, for the screen's own rules. */
function publishedState(overrides: Partial<EdgeState> = {}): EdgeState {
  return {
    pageRouting: { localeCodes: new Set(['en', 'es']), localeCookieName: 'NEXT_LOCALE', localeCookie: (locale) => `NEXT_LOCALE=${locale}; Path=/` },
    cmsTakenDown: () => false,
    cmsAnsweredAt: 0,
    ...overrides,
  };
}

describe('screenPublishedPage: which requests may skip the proxy', () => {
  const screen = (target: string, headers: NodeHeaders = {}, method = 'GET', state = publishedState()) => screenPublishedPage(method, target, headers, state);

  it('marks a published page in a known locale, with the locale cookie the proxy would set', () => {
    expect(screen('/es/procedures/vertebroplastia-y-cifoplastia')).toEqual({ locale: 'es', setCookie: 'NEXT_LOCALE=es; Path=/' });
    expect(screen('/en?utm_source=x', {}, 'HEAD')).toEqual({ locale: 'en', setCookie: 'NEXT_LOCALE=en; Path=/' });
    expect(screen('/en/faq', { cookie: 'NEXT_LOCALE=en', 'accept-language': 'es' })).toEqual({ locale: 'en', setCookie: null });
    expect(screen('/en/faq', { cookie: 'a=1; NEXT_LOCALE=es' })).toEqual({ locale: 'en', setCookie: 'NEXT_LOCALE=en; Path=/' });
    // A prefetch or a fetch is no visit: no cookie.
    expect(screen('/en/faq', { 'sec-fetch-dest': 'empty' })).toEqual({ locale: 'en', setCookie: null });
    expect(screen('/en/faq', { 'sec-fetch-dest': '' })).toEqual({ locale: 'en', setCookie: null });
  });

  it('marks nothing until the proxy has published its routing and the CMS outage flag', () => {
    expect(screen('/es', {}, 'GET', publishedState({ pageRouting: null }))).toBeNull();
    expect(screen('/es', {}, 'GET', publishedState({ cmsTakenDown: null }))).toBeNull();
  });

  it('leaves to the proxy every method but GET and HEAD, paths outside a known locale, and files', () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PROPFIND', 'get']) expect(screen('/es', {}, method)).toBeNull();
    for (const path of ['/', '/fr/faq', '/ES/faq', '/api/preview', '/api', '/sitemap.xml', '/es/icon.svg', '/es/', '/es//faq', '/es/procedures/cirug%C3%ADa', '/es/%25', '/_next/static/x.js', '/es/' + 'a'.repeat(600)]) {
      expect([path, screen(path)]).toEqual([path, null]);
    }
    // Even a locale called "api" is the proxy's: API routes come first there.
    const api = publishedState({ pageRouting: { localeCodes: new Set(['api']), localeCookieName: 'NEXT_LOCALE', localeCookie: () => '' } });
    expect(screen('/api/faq', {}, 'GET', api)).toBeNull();
  });

  it('leaves to the proxy draft previews, its own loopback, a first visit with a browser language, and any outage', () => {
    expect(screen('/es/faq', { cookie: '__prerender_bypass=1' })).toBeNull();
    expect(screen('/es/faq', { cookie: 'NEXT_LOCALE=es;__prerender_bypass' })).toBeNull();
    expect(screen('/es/faq', { cookie: 'x=__prerender_bypass' })).toBeNull();
    expect(screen('/es/faq', { 'x-clinic-while-cms-down': 'anything' })).toBeNull();
    expect(screen('/es/faq', { 'accept-language': 'es-MX' })).toBeNull();
    expect(screen('/es/faq', { 'accept-language': '' })).toBeNull();
    expect(screen('/es/faq', {}, 'GET', publishedState({ cmsTakenDown: () => true }))).toBeNull();
  });

  it('leaves to the proxy a locale cookie in any form but one plain pair', () => {
    for (const cookie of ['NEXT_LOCALE=es; NEXT_LOCALE=en', 'NEXT_LOCALE', 'NEXT_LOCALE=e%73', 'NEXT_LOCALE =es', 'xNEXT_LOCALE=es', 'a=NEXT_LOCALE', 'a=1,NEXT_LOCALE=es', 'NEXT_LOCALE=es\t']) {
      expect([cookie, screen('/es/faq', { cookie })]).toEqual([cookie, null]);
    }
  });
});

describe('the screen against the proxy itself', () => {
  beforeAll(async () => {
    cms.locales = EN_ES;
    // The first request the proxy routes in full publishes its locales.
    await proxy(new NextRequest('http://site.test/'));
    edgeState().cmsTakenDown = () => !cms.up;
  });

  it('is published by the proxy once it has routed a request', () => {
    expect([...(edgeState().pageRouting?.localeCodes ?? [])]).toEqual(['en', 'es']);
    expect(EDGE_CHECKED_HEADER).toBe('x-clinic-edge-checked');
  });

  it('marks only requests the proxy lets through untouched, with the same locale header and the same cookie', async () => {
    const paths = ['/es/procedures/vertebroplastia-y-cifoplastia', '/en', '/en/faq?x=1', '/fr/faq', '/es/', '/', '/es/a.png', '/api/revalidate', '/es/procedures/cirug%C3%ADa'];
    const cookies = [undefined, 'NEXT_LOCALE=en', 'NEXT_LOCALE=es', 'NEXT_LOCALE=xx', 'NEXT_LOCALE=', 'a=1; NEXT_LOCALE=es', 'NEXT_LOCALE=es; NEXT_LOCALE=en', 'NEXT_LOCALE', '__prerender_bypass=1', 'NEXT_LOCALE=es; __prerender_bypass=1'];
    const languages = [undefined, 'es-MX,es;q=0.9', ''];
    const dests = [undefined, 'document', 'empty', ''];
    let marked = 0;
    for (const up of [true, false]) {
      cms.up = up;
      for (const method of ['GET', 'HEAD', 'POST']) {
        for (const path of paths) {
          for (const cookie of cookies) {
            for (const language of languages) {
              for (const dest of dests) {
                const headers: NodeHeaders = { cookie, 'accept-language': language, 'sec-fetch-dest': dest };
                for (const name of Object.keys(headers)) if (headers[name] === undefined) delete headers[name];
                const page = screenPublishedPage(method, path, headers);
                if (!page) continue;
                marked += 1;
                const response = await proxy(new NextRequest(`http://site.test${path}`, { method, headers: headers as Record<string, string> }));
                const seen = { case: [method, path, headers, up], status: response.status, next: response.headers.get('x-middleware-next'), locale: response.headers.get('x-middleware-request-x-next-intl-locale'), cookie: withoutExpires(response.headers.get('set-cookie')), location: response.headers.get('location') };
                expect(seen).toEqual({ ...seen, status: 200, next: '1', locale: page.locale, cookie: withoutExpires(page.setCookie), location: null });
                // Nothing else on the response: the proxy would add no header the marked request lacks.
                const other = [...response.headers.keys()].filter((name) => !name.startsWith('x-middleware-') && name !== 'set-cookie');
                expect([seen.case, other]).toEqual([seen.case, []]);
              }
            }
          }
        }
      }
    }
    // Not vacuous: the common cases (a cached page, cookie or not, visit or prefetch) are marked.
    expect(marked).toBeGreaterThan(60);
    cms.up = true;
  });
});
