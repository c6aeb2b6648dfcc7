/** One page of a paginated read and how many pages there are in all. */
export interface FetchedPage<T> {
  items: T[];
  pageCount: number;
}

/**
 * Every item of a paginated list, in page order: the first page says how many there are,
 * and the rest are read a few at a time (the CMS caps a page at 100 items, so a list longer
 * than that is several reads, never one read with a limit the CMS quietly lowers).
 */
export async function readAllPages<T>(readPage: (page: number) => Promise<FetchedPage<T>>, { concurrency = 4, maxPages = 1000 } = {}): Promise<T[]> {
  const first = await readPage(1);
  const pageCount = Math.min(first.pageCount, maxPages);
  const rest: T[][] = new Array(Math.max(0, pageCount - 1));
  let nextPage = 2;
  const worker = async () => {
    while (nextPage <= pageCount) {
      const page = nextPage++;
      rest[page - 2] = (await readPage(page)).items;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, rest.length) }, worker));
  return [...first.items, ...rest.flat()];
}
