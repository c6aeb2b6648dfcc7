/** Where the CMS answers; the site reaches it only through this folder. */
export const CMS_URL = process.env.CMS_URL ?? 'http://127.0.0.1:1337';
export const CMS_GRAPHQL_URL = `${CMS_URL}/graphql`;
/**
 * Where editors' browsers open the CMS admin, whose preview panel frames draft pages: the only
 * origin allowed to frame the site. Set apart from CMS_URL when the site reaches the CMS at a
 * private address.
 */
export const CMS_ADMIN_URL = process.env.CMS_ADMIN_URL || CMS_URL;
