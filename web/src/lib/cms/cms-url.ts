/** Where the CMS answers; the site reaches it only through this folder. */
export const CMS_URL = process.env.CMS_URL ?? 'http://127.0.0.1:1337';
export const CMS_GRAPHQL_URL = `${CMS_URL}/graphql`;
