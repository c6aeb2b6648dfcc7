import { isSupportedMethod, unsupportedMethodMiddleware } from './unsupported-method';

const run = async (method: string) => {
  const headers: Record<string, string> = {};
  const ctx: any = { method, status: 404, body: undefined, set: (name: string, value: string) => (headers[name] = value) };
  const next = jest.fn(async () => undefined);
  await unsupportedMethodMiddleware()(ctx, next);
  return { ctx, headers, next };
};

describe('unsupported methods', () => {
  it('passes the methods some route uses, OPTIONS (CORS preflight) included', async () => {
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'get']) {
      expect(isSupportedMethod(method)).toBe(true);
      expect((await run(method)).next).toHaveBeenCalled();
    }
  });

  it('answers any other method with a 405 that lists the allowed ones', async () => {
    for (const method of ['TRACE', 'CONNECT', 'PROPFIND', 'BREW']) {
      const { ctx, headers, next } = await run(method);
      expect(next).not.toHaveBeenCalled();
      expect(ctx.status).toBe(405);
      expect(headers.Allow).toContain('GET');
      expect(ctx.body.error.message).toContain(method);
    }
  });
});
