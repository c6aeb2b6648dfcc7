export default ({ env }: { env: any }) => ({
  level: env('STRAPI_LOG_LEVEL', 'http'),
});
