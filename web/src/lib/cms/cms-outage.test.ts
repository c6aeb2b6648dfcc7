import { cmsHealthCheckSettled, cmsKnownDown, forgetCmsOutage } from './cms-outage';
import { noteFailedCmsRead as noteCmsUnanswered } from './cms-timeout';

describe('whether the proxy takes the CMS to be down', () => {
  let fetchMock: jest.SpiedFunction<typeof fetch>;
  const healthChecks = () => fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/_health')).length;
  beforeEach(() => {
    forgetCmsOutage();
    jest.useFakeTimers({ now: new Date('2026-05-01T00:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    fetchMock = jest.spyOn(global, 'fetch');
  });
  afterEach(() => {
    fetchMock.mockRestore();
    jest.useRealTimers();
  });

  it('asks the CMS nothing while no read has failed, however many pages are served', () => {
    for (let i = 0; i < 1000; i++) expect(cmsKnownDown()).toBe(false);
    jest.advanceTimersByTime(120_000);
    expect(cmsKnownDown()).toBe(false);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('takes it down from the moment a read gets no answer, without waiting, until its health check answers', async () => {
    noteCmsUnanswered();
    fetchMock.mockRejectedValueOnce(new TypeError('fetch failed'));
    expect(cmsKnownDown()).toBe(true);
    await cmsHealthCheckSettled();
    expect(cmsKnownDown()).toBe(true);
    // At most one check a second while it stays down.
    expect(healthChecks()).toBe(1);
    jest.advanceTimersByTime(1_000);
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    expect(cmsKnownDown()).toBe(true);
    await cmsHealthCheckSettled();
    expect(cmsKnownDown()).toBe(false);
    expect(healthChecks()).toBe(2);
  });

  it('never holds a request on a health check that hangs', () => {
    noteCmsUnanswered();
    fetchMock.mockReturnValue(new Promise(() => {}));
    expect(cmsKnownDown()).toBe(true);
    jest.advanceTimersByTime(5_000);
    expect(cmsKnownDown()).toBe(true);
    expect(healthChecks()).toBe(1);
  });

  it('takes it down again when a read fails after it came back', async () => {
    noteCmsUnanswered();
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    cmsKnownDown();
    await cmsHealthCheckSettled();
    expect(cmsKnownDown()).toBe(false);
    jest.advanceTimersByTime(10);
    noteCmsUnanswered();
    expect(cmsKnownDown()).toBe(true);
  });
});
