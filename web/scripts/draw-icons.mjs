#!/usr/bin/env node
/**
 * Draws the site's icons (a white cross on the clinic's blue, rounded square) and writes them
 * where Next serves them: src/app/icon.svg, apple-icon.png (180 px) and favicon.ico (16, 32,
 * 48 px). Plain Node (zlib), no image library: `node scripts/draw-icons.mjs` after a change.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = join(dirname(fileURLToPath(import.meta.url)), '../src/app');
const BLUE = [0x0b, 0x5c, 0xad];
const WHITE = [0xff, 0xff, 0xff];
// On a 64-unit square: corner radius, and the cross's arm width and length.
const RADIUS = 14;
const ARM = 14;
const SPAN = 40;

/** What covers a point of the 64-unit square: null (outside), the background or the cross. */
function colorAt(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 64 - radius);
  const cy = Math.min(Math.max(y, radius), 64 - radius);
  if ((x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) return null;
  const inBar = (a, b) => Math.abs(a - 32) <= ARM / 2 && Math.abs(b - 32) <= SPAN / 2;
  return inBar(x, y) || inBar(y, x) ? WHITE : BLUE;
}

/** RGBA pixels, 4×4 samples a pixel for smooth edges. */
function pixels(size, radius) {
  const out = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colorAt(((px + (sx + 0.5) / n) * 64) / size, ((py + (sy + 0.5) / n) * 64) / size, radius);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a) out.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / (n * n))], i);
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size, radius = RADIUS) {
  const rgba = pixels(size, radius);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** An .ico holding PNG images (understood by every current browser). */
function ico(sizes) {
  const images = sizes.map((size) => png(size));
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((size, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size % 256, at);
    header.writeUInt8(size % 256, at + 1);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(images[i].length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += images[i].length;
  });
  return Buffer.concat([header, ...images]);
}

const hex = (c) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="${RADIUS}" fill="${hex(BLUE)}"/><path fill="${hex(WHITE)}" d="M${32 - ARM / 2} ${32 - SPAN / 2}h${ARM}v${(SPAN - ARM) / 2}h${(SPAN - ARM) / 2}v${ARM}h-${(SPAN - ARM) / 2}v${(SPAN - ARM) / 2}h-${ARM}v-${(SPAN - ARM) / 2}h-${(SPAN - ARM) / 2}v-${ARM}h${(SPAN - ARM) / 2}z"/></svg>\n`;

writeFileSync(join(app, 'icon.svg'), svg);
// Square and opaque: iOS rounds the corners itself and would show transparent ones black.
writeFileSync(join(app, 'apple-icon.png'), png(180, 0));
writeFileSync(join(app, 'favicon.ico'), ico([16, 32, 48]));
console.log('Wrote icon.svg, apple-icon.png and favicon.ico in src/app');
