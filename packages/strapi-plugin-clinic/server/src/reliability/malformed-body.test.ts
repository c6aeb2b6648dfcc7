import { malformedBodyStatus } from './malformed-body';

describe('malformedBodyStatus', () => {
  it('is a 400 for a body that does not match its Content-Encoding or multipart boundary', () => {
    expect(malformedBodyStatus(Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR', errno: -3 }))).toBe(400);
    expect(malformedBodyStatus(new Error('MultipartParser.end(): stream ended unexpectedly: state = START_BOUNDARY'))).toBe(400);
    expect(malformedBodyStatus(Object.assign(new Error('x'), { httpCode: 400 }))).toBe(400);
  });

  it('is a 415 for an encoding or charset the parser does not know', () => {
    expect(malformedBodyStatus(Object.assign(new Error('unsupported charset "X"'), { type: 'charset.unsupported' }))).toBe(415);
  });

  it('leaves every other error to Strapi', () => {
    expect(malformedBodyStatus(new Error('database is locked'))).toBeNull();
    expect(malformedBodyStatus(new TypeError('Cannot read properties of undefined'))).toBeNull();
    expect(malformedBodyStatus(null)).toBeNull();
  });
});
