import { NextRequest } from 'next/server';

/** The 404 outside every locale while the CMS is known to be down: answered at once, not after the phone's read. */
let cmsDown = false;
const phoneRead = jest.fn(() => new Promise<void>(() => undefined));
jest.mock('@/lib/cms/cms-outage', () => ({ cmsKnownDown: () => cmsDown }));
jest.mock('@/lib/cms/cms-reachability', () => ({ clinicPhoneSoon: () => phoneRead() }));
jest.mock('@/lib/cms/site-locales', () => ({ getSiteLocales: async () => ['en', 'es'] }));
jest.mock('./error-response', () => ({ errorPageResponse: async () => new Response('not found', { status: 404 }) }));

import { notFoundOutsideEveryLocale } from './outside-every-locale';

const request = () => new NextRequest('http://site.test/wp-login.php');

describe('a 404 outside every locale', () => {
  beforeEach(() => phoneRead.mockClear());

  it('does not wait for the clinic phone while the CMS is known to be down', async () => {
    cmsDown = true;
    const answer = await Promise.race([notFoundOutsideEveryLocale(request()), new Promise((resolve) => setTimeout(() => resolve('waited'), 200))]);
    expect((answer as Response).status).toBe(404);
    expect(phoneRead).not.toHaveBeenCalled();
  });

  it('reads the phone first while the CMS is up (a 404 is not an outage)', async () => {
    cmsDown = false;
    const answer = await Promise.race([notFoundOutsideEveryLocale(request()), new Promise((resolve) => setTimeout(() => resolve('waited'), 200))]);
    expect(answer).toBe('waited');
    expect(phoneRead).toHaveBeenCalledTimes(1);
  });
});
