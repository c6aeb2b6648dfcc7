import { DEMO_SECRETS } from 'clinic-domain';

export default ({ env }: { env: any }) => ({
  clinic: {
    enabled: true,
    config: {
      // The site's preview sends this in X-Preview-Secret to read drafts; nobody else can.
      previewSecret: env('PREVIEW_SECRET', ''),
      // Which content types need a physician's approval before they are published.
      medicalContentTypes: env.array('CLINIC_MEDICAL_CONTENT_TYPES', ['plugin::clinic.procedure', 'plugin::clinic.faq']),
      // The site's revalidation endpoint(s), told about approvals and publications.
      webhookUrls: env.array('CLINIC_WEBHOOK_URLS', []),
      webhookSecret: env('CLINIC_WEBHOOK_SECRET', ''),
      siteUrl: env('SITE_URL', 'http://localhost:3000'),
    },
  },
  'users-permissions': {
    config: { jwtSecret: env('JWT_SECRET', DEMO_SECRETS.JWT_SECRET) },
  },
  graphql: {
    enabled: true,
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      depthLimit: 10,
      defaultLimit: 25,
      maxLimit: 100,
      landingPage: env('NODE_ENV') !== 'production',
      // Stack traces stay in the server log, not in answers to the public.
      apolloServer: { introspection: true, includeStacktraceInErrorResponses: false },
    },
  },
});
