import { readAllByCursor } from './read-all-by-cursor';

/** A list served `size` items at a time, the cursor being the last item's key. */
const listOf = (total: number, size: number) => {
  const items = Array.from({ length: total }, (_, i) => `doc-${String(i).padStart(5, '0')}`);
  const asked: Array<string | null> = [];
  const read = async (after: string | null) => {
    asked.push(after);
    const start = after === null ? 0 : items.indexOf(after) + 1;
    const page = items.slice(start, start + size);
    return { items: page, nextCursor: start + size < total ? page[page.length - 1]! : null };
  };
  return { items, asked, read };
};

describe('readAllByCursor', () => {
  it('reads every page once, in order', async () => {
    const list = listOf(12_030, 5000);
    expect(await readAllByCursor(list.read)).toEqual(list.items);
    expect(list.asked).toEqual([null, 'doc-04999', 'doc-09999']);
  });

  it('reads once for a short or empty list', async () => {
    const short = listOf(3, 5000);
    expect(await readAllByCursor(short.read)).toEqual(short.items);
    expect(short.asked).toEqual([null]);
    expect(await readAllByCursor(listOf(0, 5000).read)).toEqual([]);
  });

  it('stops on a cursor that does not move and after maxReads pages', async () => {
    let reads = 0;
    const stuck = async () => ((reads += 1), { items: ['x'], nextCursor: 'same' });
    expect(await readAllByCursor(stuck)).toEqual(['x', 'x']);
    expect(reads).toBe(2);
    const endless = listOf(100, 1);
    expect(await readAllByCursor(endless.read, { maxReads: 5 })).toHaveLength(5);
  });
});
