export default [
  'strapi::logger',
  'strapi::errors',
  // A database restart answers 503 (retry) instead of 500: see the clinic plugin's reliability/.
  'plugin::clinic.database-unavailable',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  // A method no route uses (TRACE…) is a 405, not the router's 501 (see the clinic plugin's reliability/).
  'plugin::clinic.unsupported-method',
  'strapi::query',
  // An upload over the size limit is a 413 from its headers, or cut off as it arrives; not read in full first.
  'plugin::clinic.upload-request-size',
  // A body the parser cannot read is a 400, not a 500 (see the clinic plugin's reliability/malformed-body).
  'plugin::clinic.malformed-body',
  'strapi::body',
  'plugin::clinic.body-read',
  // A GraphQL fragment Strapi's depth rule cannot walk (unknown, or spreading itself) is a 400, not a 500.
  'plugin::clinic.graphql-fragment-references',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
