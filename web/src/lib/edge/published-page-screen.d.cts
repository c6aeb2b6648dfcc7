export interface EdgeState {
  /** Published by the proxy whenever it (re)builds its routing for the CMS's locales. */
  pageRouting: null | { localeCodes: ReadonlySet<string>; localeCookieName: string; localeCookie: (locale: string) => string };
  /** Published by cms-outage.ts: whether a CMS read has failed since its health check last answered (starts no check). */
  cmsTakenDown: null | (() => boolean);
  /** When the CMS last answered its health check (cms-outage.ts), process-wide. */
  cmsAnsweredAt: number;
}
export declare const EDGE_CHECKED_HEADER: 'x-clinic-edge-checked';
export declare const NOT_A_PAGE: RegExp;
export declare function edgeState(): EdgeState;
export declare function screenPublishedPage(
  method: string,
  target: string,
  headers: Record<string, string | string[] | undefined>,
  state?: EdgeState,
): { locale: string; setCookie: string | null } | null;
