import { gzipSync } from 'node:zlib';

/**
 * What a browser downloads before a page works, gzip-compressed: the JavaScript files the
 * HTML loads (Next's "first-load JS") and the inline scripts (the RSC payload, which carries
 * whatever server components hand to client components, messages included).
 */
export async function firstLoadJs(pageUrl) {
  const html = await (await fetch(pageUrl)).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js[^"]*)"/g)].map((m) => m[1]))];
  let files = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, pageUrl))).arrayBuffer());
    files += gzipSync(body).length;
  }
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
  return { files: sources.length, jsKb: files / 1024, inlineKb: gzipSync(Buffer.from(inline)).length / 1024, htmlBytes: Buffer.byteLength(html) };
}
