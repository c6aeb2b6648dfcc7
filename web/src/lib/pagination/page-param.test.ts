import { MAX_PAGE, pageHref, pageNavigation, parsePageParam } from './page-param';

describe('parsePageParam', () => {
  it('reads no page as the first page and a plain number as that page', () => {
    expect(parsePageParam(undefined)).toBe(1);
    expect(parsePageParam('1')).toBe(1);
    expect(parsePageParam('27')).toBe(27);
    expect(parsePageParam(String(MAX_PAGE))).toBe(MAX_PAGE);
  });

  it.each([[''], ['0'], ['-1'], ['01'], ['1.5'], ['1e3'], [' 2'], ['2 '], ['+2'], ['abc'], ['0x10'], [String(MAX_PAGE + 1)], ['99999999999999999999'], [['1', '2']]])(
    'refuses %j',
    (raw) => {
      expect(parsePageParam(raw)).toBeNull();
    },
  );
});

describe('pageNavigation', () => {
  it('links the neighbours that exist', () => {
    expect(pageNavigation(1, 3)).toEqual({ page: 1, pageCount: 3, previous: null, next: 2 });
    expect(pageNavigation(2, 3)).toEqual({ page: 2, pageCount: 3, previous: 1, next: 3 });
    expect(pageNavigation(3, 3)).toEqual({ page: 3, pageCount: 3, previous: 2, next: null });
  });

  it('has a first page for an empty list and no page past the last', () => {
    expect(pageNavigation(1, 0)).toEqual({ page: 1, pageCount: 1, previous: null, next: null });
    expect(pageNavigation(2, 0)).toBeNull();
    expect(pageNavigation(4, 3)).toBeNull();
    expect(pageNavigation(0, 3)).toBeNull();
  });
});

describe('pageHref', () => {
  it('gives page 1 the list address itself', () => {
    expect(pageHref('/en/procedures', 1)).toBe('/en/procedures');
    expect(pageHref('/en/procedures', 4)).toBe('/en/procedures/page/4');
  });
});
