export default [
  'strapi::logger',
  'strapi::errors',
  // A database restart answers 503 (retry) instead of 500: see the clinic plugin's reliability/.
  'plugin::clinic.database-unavailable',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
