import { clinicPhoneSoon, cmsAnswers, forgetCmsReachability, lastClinicPhone } from './cms-reachability';
import { noteFailedCmsRead } from './cms-timeout';

describe('whether the proxy takes the CMS to be up', () => {
  let fetchMock: jest.SpiedFunction<typeof fetch>;
  const healthChecks = () => fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/_health')).length;
  beforeEach(() => {
    forgetCmsReachability();
    jest.useFakeTimers({ now: new Date('2026-05-01T00:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    fetchMock = jest.spyOn(global, 'fetch');
  });
  afterEach(() => {
    fetchMock.mockRestore();
    jest.useRealTimers();
  });

  it('asks at most once a second while nothing fails', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    expect(await cmsAnswers()).toBe(true);
    jest.advanceTimersByTime(900);
    expect(await cmsAnswers()).toBe(true);
    expect(healthChecks()).toBe(1);
  });

  it('asks again at once when a page’s read got no answer since: the CMS that just stopped is down for the next request', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    expect(await cmsAnswers()).toBe(true);
    jest.advanceTimersByTime(100);
    noteFailedCmsRead();
    fetchMock.mockRejectedValueOnce(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }));
    expect(await cmsAnswers()).toBe(false);
    expect(healthChecks()).toBe(2);
  });

  it('while the CMS is down, asks again in the background: no request waits on a hanging health check', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('fetch failed'));
    expect(await cmsAnswers()).toBe(false);
    jest.advanceTimersByTime(1_500);
    fetchMock.mockReturnValueOnce(new Promise(() => {}));
    expect(await cmsAnswers()).toBe(false);
    expect(healthChecks()).toBe(2);
  });
});

describe('the clinic phone for the proxy’s error pages', () => {
  let fetchMock: jest.SpiedFunction<typeof fetch>;
  beforeEach(() => {
    forgetCmsReachability();
    fetchMock = jest.spyOn(global, 'fetch');
  });
  afterEach(() => fetchMock.mockRestore());
  const answer = (phone: string | null) => new Response(JSON.stringify({ data: { clinicClinic: phone === null ? null : { phone } } }), { status: 200, headers: { 'content-type': 'application/json' } });

  it('is waited for when none was ever read, so the first error page after a start has it', async () => {
    fetchMock.mockResolvedValueOnce(answer('+1 555 0100'));
    expect(lastClinicPhone('en')).toBeNull();
    expect(await clinicPhoneSoon('en')).toBe('+1 555 0100');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('is not waited for once known, nor when the CMS cannot say', async () => {
    fetchMock.mockResolvedValueOnce(answer('+1 555 0100'));
    expect(await clinicPhoneSoon('en')).toBe('+1 555 0100');
    expect(await clinicPhoneSoon('en')).toBe('+1 555 0100');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    forgetCmsReachability();
    fetchMock.mockRejectedValueOnce(new TypeError('fetch failed'));
    expect(await clinicPhoneSoon('en')).toBeNull();
  });
});
