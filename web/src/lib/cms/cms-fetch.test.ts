import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CMS_TIMEOUT_MS, lastFailedCmsRead } from './cms-timeout';
import { fetchFromCms } from './cms-fetch';

/** A server on a free port; `answer: false` accepts each request and never answers (a hanging CMS). */
async function cmsStandIn(answer: boolean | number): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    if (answer === false) return;
    res.writeHead(answer === true ? 200 : answer).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}

describe('reads of the CMS', () => {
  const servers: Server[] = [];
  afterAll(() => {
    for (const server of servers) server.closeAllConnections(), server.close();
  });

  it(`give up on a CMS that never answers after ${CMS_TIMEOUT_MS} ms, and note the failed read`, async () => {
    const { url, server } = await cmsStandIn(false);
    servers.push(server);
    const started = Date.now();
    await expect(fetchFromCms(url, { method: 'POST', body: '{}' })).rejects.toThrow();
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(CMS_TIMEOUT_MS - 50);
    expect(waited).toBeLessThan(CMS_TIMEOUT_MS + 1_000);
    expect(lastFailedCmsRead()).toBeGreaterThanOrEqual(started);
  }, 10_000);

  it('note a refused connection (the CMS just stopped) as a failed read', async () => {
    const { url, server } = await cmsStandIn(true);
    await new Promise((resolve) => server.close(resolve));
    const before = Date.now();
    await expect(fetchFromCms(url, {})).rejects.toThrow();
    expect(lastFailedCmsRead()).toBeGreaterThanOrEqual(before);
  });

  it('take an HTTP error as an answer: the CMS is up', async () => {
    const { url, server } = await cmsStandIn(500);
    servers.push(server);
    // No failure noted by this read: the last one stays the previous test's (which may fall in the same millisecond as this start).
    const failedBefore = lastFailedCmsRead();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await fetchFromCms(url, {})).status).toBe(500);
    expect(lastFailedCmsRead()).toBe(failedBefore);
  });

  it('keep the caller’s own abort', async () => {
    const { url, server } = await cmsStandIn(false);
    servers.push(server);
    const started = Date.now();
    await expect(fetchFromCms(url, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
