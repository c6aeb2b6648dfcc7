/** One page of a cursor-paginated list, and the cursor of the next page (null: this was the last). */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Every item of a list read by cursor, in order. Bounded: a cursor that does not move, or more
 * than `maxReads` pages, ends the reading, so a misbehaving answer cannot hold a render forever.
 */
export async function readAllByCursor<T>(readPage: (after: string | null) => Promise<CursorPage<T>>, { maxReads = 1000 } = {}): Promise<T[]> {
  const items: T[] = [];
  let after: string | null = null;
  for (let read = 0; read < maxReads; read += 1) {
    const page: CursorPage<T> = await readPage(after);
    items.push(...page.items);
    if (!page.nextCursor || page.nextCursor === after) break;
    after = page.nextCursor;
  }
  return items;
}
