import http from 'http';

export interface ReceivedCall {
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** A stand-in for the site's revalidation route: records every call the CMS makes to it. */
export async function startWebhookReceiver(): Promise<{ url: string; received: ReceivedCall[]; close(): void }> {
  const received: ReceivedCall[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ body, headers: req.headers });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/api/revalidate`, received, close: () => server.close() };
}
