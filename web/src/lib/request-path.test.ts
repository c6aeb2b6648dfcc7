import { MAX_PATH_LENGTH, pathProblem } from './request-path';

describe('pathProblem', () => {
  it('lets ordinary and Unicode paths through', () => {
    expect(pathProblem('/en/procedures/vertebroplasty')).toBeNull();
    expect(pathProblem('/es/procedimientos/%C3%B1and%C3%BA')).toBeNull();
    expect(pathProblem('/ar/%E2%80%8F%D9%85%F0%9F%98%80')).toBeNull();
    expect(pathProblem('/')).toBeNull();
  });

  it('refuses malformed percent-encoding and bytes that are not UTF-8 with a 400', () => {
    for (const path of ['/en/procedures/%ff%fe', '/en/providers/%', '/%E0%A4%A', '/en/%C0%AF', '/en/%ED%A0%80', '/en/a%zz']) {
      expect(pathProblem(path)).toEqual({ status: 400, reason: 'malformedEncoding', message: expect.stringMatching(/percent-encoding/) });
    }
  });

  it('refuses control characters, NUL included, with a 400', () => {
    expect(pathProblem('/en/procedures/a%00b')?.status).toBe(400);
    expect(pathProblem('/en/%0A')).toMatchObject({ reason: 'controlCharacter', message: expect.stringMatching(/control character/) });
  });

  it('refuses a literal percent sign (%25) in any segment with a 400: Next would decode it again into a 500', () => {
    for (const path of ['/en/%25', '/en/procedures/100%25-safe', '/es/%25ff', '/en/providers/a%25b', '/%2525']) {
      expect(pathProblem(path)).toEqual({ status: 400, reason: 'percentSign', message: expect.stringMatching(/percent sign/) });
    }
  });

  it('refuses a path over the limit with a 414', () => {
    expect(pathProblem('/en/' + 'a'.repeat(MAX_PATH_LENGTH))).toMatchObject({ status: 414, reason: 'tooLong' });
  });
});
