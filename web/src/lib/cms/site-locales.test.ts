import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forgetSiteLocales, getSiteLocales } from './site-locales';

const EN_ES = { clinicLocales: [{ code: 'en', name: 'English (en)', isDefault: true }, { code: 'es', name: 'Spanish (es)', isDefault: false }] };
const answer = (data: unknown, status = 200) => new Response(JSON.stringify({ data }), { status, headers: { 'content-type': 'application/json' } });

describe('the CMS locales the proxy routes by', () => {
  let fetchMock: jest.SpiedFunction<typeof fetch>;
  const dir = mkdtempSync(join(tmpdir(), 'site-locales-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    process.env['SITE_LOCALES_FILE'] = join(dir, `locales-${expect.getState().currentTestName?.length}-${Math.random()}.json`);
    forgetSiteLocales();
    jest.useFakeTimers({ now: new Date('2026-05-01T00:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    fetchMock = jest.spyOn(global, 'fetch');
  });
  afterEach(() => {
    fetchMock.mockRestore();
    jest.useRealTimers();
  });

  it('asks the CMS with the generated SiteLocales operation (the one on its allowlist)', async () => {
    fetchMock.mockResolvedValue(answer(EN_ES));
    expect(await getSiteLocales()).toEqual(EN_ES.clinicLocales);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toMatch(/\/graphql$/);
    expect(JSON.parse(String(init?.body))).toMatchObject({ operationName: 'SiteLocales', query: expect.stringContaining('clinicLocales') });
  });

  it('asks once a minute, and never makes a request wait once it knows', async () => {
    fetchMock.mockResolvedValue(answer(EN_ES));
    const first = await getSiteLocales();
    jest.advanceTimersByTime(59_000);
    expect(await getSiteLocales()).toBe(first);
    expect(fetchMock).toHaveBeenCalledTimes(1);

    // A locale added in the admin: after the minute, the known list is served while the new one is fetched.
    const withFr = { clinicLocales: [...EN_ES.clinicLocales, { code: 'fr', name: 'French (fr)', isDefault: false }] };
    fetchMock.mockResolvedValue(answer(withFr));
    jest.advanceTimersByTime(2_000);
    expect(await getSiteLocales()).toBe(first);
    await new Promise((resolve) => setImmediate(resolve));
    expect((await getSiteLocales()).map((l) => l.code)).toEqual(['en', 'es', 'fr']);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('keeps the last list while the CMS is down, and asks again only every few seconds', async () => {
    fetchMock.mockResolvedValue(answer(EN_ES));
    const known = await getSiteLocales();
    fetchMock.mockRejectedValue(new TypeError('fetch failed'));
    jest.advanceTimersByTime(61_000);
    expect(await getSiteLocales()).toBe(known);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await getSiteLocales()).toBe(known);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    jest.advanceTimersByTime(5_000);
    await getSiteLocales();
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('is empty while the CMS has never answered, and asks again on the next request', async () => {
    fetchMock.mockRejectedValue(new TypeError('fetch failed'));
    expect(await getSiteLocales()).toEqual([]);
    fetchMock.mockResolvedValue(answer({ errors: [{ message: 'nope' }] }, 400));
    expect(await getSiteLocales()).toEqual([]);
    fetchMock.mockResolvedValue(answer(EN_ES));
    expect(await getSiteLocales()).toEqual(EN_ES.clinicLocales);
  });

  it('routes, when the CMS is down at start, the locales an earlier start read (kept beside Next’s cache), and asks again soon', async () => {
    fetchMock.mockResolvedValue(answer(EN_ES));
    await getSiteLocales();
    // A new process: nothing in memory, the CMS down.
    forgetSiteLocales();
    fetchMock.mockRejectedValue(new TypeError('fetch failed'));
    expect(await getSiteLocales()).toEqual(EN_ES.clinicLocales);
    jest.advanceTimersByTime(5_000);
    fetchMock.mockResolvedValue(answer({ clinicLocales: [EN_ES.clinicLocales[0]] }));
    await getSiteLocales();
    await new Promise((resolve) => setImmediate(resolve));
    expect((await getSiteLocales()).map((l) => l.code)).toEqual(['en']);
  });
});
