import http from 'node:http';

/**
 * The site's only way to the CMS during the benchmark: a loopback relay that counts every
 * request the site sends, and can play a CMS that is down (connections dropped).
 */
export async function startCmsDoor({ port, cmsUrl }) {
  const target = new URL(cmsUrl);
  const door = { requests: 0, down: false };
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    door.requests += 1;
    if (door.down) return req.socket.destroy();
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host }, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return door.requests;
    },
    setDown(down) {
      door.down = down;
    },
    stop() {
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      agent.destroy();
      return closed;
    },
  };
}
