/** The public address of the site, for canonical and hreflang links (absolute URLs). */
export const SITE_URL = (process.env.SITE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
