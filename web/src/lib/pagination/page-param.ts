/**
 * The page number of a paginated list (`/procedures/page/N`; a segment, not `?page=N`, so
 * that every page is cached like any other page): absent means the first page; anything else must be a
 * plain positive whole number (no sign, no leading zero, no exponent) within the limit, or
 * the page does not exist (a 404, never a 500 or a silent first page).
 */
export const MAX_PAGE = 10_000;

export function parsePageParam(raw: string | string[] | undefined): number | null {
  if (raw === undefined) return 1;
  if (Array.isArray(raw) || !/^[1-9][0-9]{0,4}$/.test(raw)) return null;
  const page = Number(raw);
  return page <= MAX_PAGE ? page : null;
}

/** Where the list's links lead: the neighbours that exist. Page 1 of an empty list still exists. */
export interface PageNavigation {
  page: number;
  pageCount: number;
  previous: number | null;
  next: number | null;
}

/** The navigation of `page`, or null when the list has no such page. */
export function pageNavigation(page: number, pageCount: number): PageNavigation | null {
  const count = Math.max(1, pageCount);
  if (page < 1 || page > count) return null;
  return { page, pageCount: count, previous: page > 1 ? page - 1 : null, next: page < count ? page + 1 : null };
}

/** The URL of a page of a list: page 1 is the list's own address (one canonical URL for it). */
export function pageHref(path: string, page: number): string {
  return page === 1 ? path : `${path}/page/${page}`;
}
