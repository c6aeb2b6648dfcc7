import { malformedBodyStatus } from './malformed-body';

describe('malformedBodyStatus', () => {
  it('is a 400 for a body that does not match its Content-Encoding or multipart boundary', () => {
    expect(malformedBodyStatus(Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR', errno: -3 }))).toBe(400);
    expect(malformedBodyStatus(new Error('MultipartParser.end(): stream ended unexpectedly: state = START_BOUNDARY'))).toBe(400);
    expect(malformedBodyStatus(Object.assign(new Error('x'), { httpCode: 400 }))).toBe(400);
  });

  it('is a 400 for a body that is not the brotli its Content-Encoding says', async () => {
    const { brotliDecompressSync } = await import('node:zlib');
    let error: unknown;
    try {
      brotliDecompressSync(Buffer.from('{"query":"{ __typename }"}'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeDefined();
    expect(malformedBodyStatus(error)).toBe(400);
    expect(malformedBodyStatus(Object.assign(new Error('Decompression failed'), { code: 'ERR_BROTLI_DECOMPRESSION_FAILED' }))).toBe(400);
    // As koa-body passes on a zlib error that is not `instanceof Error`.
    expect(malformedBodyStatus(Object.assign(new Error('{"errno":-15,"code":"ERR__ERROR_FORMAT_PADDING_2"}'), { name: 'object' }))).toBe(400);
    expect(malformedBodyStatus(Object.assign(new Error('{"errno":-15'), { name: 'object' }))).toBeNull();
  });

  it('is a 415 for an encoding or charset the parser does not know', () => {
    expect(malformedBodyStatus(Object.assign(new Error('unsupported charset "X"'), { type: 'charset.unsupported' }))).toBe(415);
    expect(malformedBodyStatus(Object.assign(new Error('Unsupported Content-Encoding: gzip, br'), { status: 415 }))).toBe(415);
  });

  it('leaves every other error to Strapi', () => {
    expect(malformedBodyStatus(new Error('database is locked'))).toBeNull();
    expect(malformedBodyStatus(new TypeError('Cannot read properties of undefined'))).toBeNull();
    expect(malformedBodyStatus(null)).toBeNull();
  });
});

describe('an upload whose fileInfo is not JSON', () => {
  const { unreadableFileInfo } = jest.requireActual('./malformed-body') as typeof import('./malformed-body');
  it('is told, for one file or several', () => {
    expect(unreadableFileInfo({ fileInfo: '{bad' })).toBe(true);
    expect(unreadableFileInfo({ fileInfo: ['{"name":"a.png"}', '{bad'] })).toBe(true);
  });
  it('passes readable fileInfo, objects, and bodies without it', () => {
    expect(unreadableFileInfo({ fileInfo: '{"name":"a.png","alternativeText":"x"}' })).toBe(false);
    expect(unreadableFileInfo({ fileInfo: { name: 'a.png' } })).toBe(false);
    expect(unreadableFileInfo({})).toBe(false);
    expect(unreadableFileInfo(undefined)).toBe(false);
  });
});
