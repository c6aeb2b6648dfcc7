import { cmsAnswers, forgetCmsReachability } from './cms-reachability';
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
