import http from 'node:http';

/**
 * A loopback endpoint through which a browser test stops and starts the site (POST /stop,
 * POST /start, each answered once done), to show what the site hears of changes made while
 * it was down. The test runner owns the process either way and stops it at the end.
 */
export async function startSiteControl({ stop, start }) {
  const server = http.createServer(async (req, res) => {
    const action = req.method === 'POST' ? { '/stop': stop, '/start': start }[req.url] : undefined;
    if (!action) {
      res.statusCode = 404;
      res.end('POST /stop or POST /start');
      return;
    }
    try {
      await action();
      res.end('ok');
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error?.message ?? error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}
