// Quiet by default in the test's output; STRAPI_LOG_LEVEL=http shows every request.
export default ({ env }) => ({ level: env('STRAPI_LOG_LEVEL', 'error') });
