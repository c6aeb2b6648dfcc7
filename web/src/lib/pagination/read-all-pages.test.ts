import { readAllPages } from './read-all-pages';

const pagesOf = (total: number, size: number) => {
  const asked: number[] = [];
  const items = Array.from({ length: total }, (_, i) => i);
  const read = async (page: number) => {
    asked.push(page);
    await new Promise((r) => setTimeout(r, (7 * page) % 5)); // pages answer out of order
    return { items: items.slice((page - 1) * size, page * size), pageCount: Math.ceil(total / size) };
  };
  return { read, asked, items };
};

describe('readAllPages', () => {
  it('reads every page once and keeps the order, past the 100-item cap of one page', async () => {
    const list = pagesOf(1030, 100);
    expect(await readAllPages(list.read)).toEqual(list.items);
    expect([...list.asked].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('reads one page for a short or empty list', async () => {
    const short = pagesOf(3, 100);
    expect(await readAllPages(short.read)).toEqual([0, 1, 2]);
    expect(short.asked).toEqual([1]);
    const empty = pagesOf(0, 100);
    expect(await readAllPages(empty.read)).toEqual([]);
  });

  it('never reads more pages than the limit', async () => {
    const list = pagesOf(1000, 10);
    expect(await readAllPages(list.read, { maxPages: 3 })).toHaveLength(30);
    expect(list.asked).toHaveLength(3);
  });
});
