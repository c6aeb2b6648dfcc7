'use strict';
/**
 * The cache tag of a CMS read whose variables come from the visitor's address: a slug, a page
 * number. Anyone can invent such addresses without end, so the site's cache handlers
 * (web/cache-handler) keep these reads only in a small memory of each process, never on disk or
 * in Redis. A page that exists is cached whole anyway; its read is only needed to render it.
 * Plain CommonJS: the cache handlers load it without compiling.
 */
const ADDRESSED_READ_TAG = 'addressed';

module.exports = { ADDRESSED_READ_TAG };
