import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { DEMO_SECRETS } from 'clinic-domain';

export default ({ env }: { env: any }) => ({
  clinic: {
    enabled: true,
    config: {
      // The site's preview sends this in X-Preview-Secret to read drafts; nobody else can.
      previewSecret: env('PREVIEW_SECRET', ''),
      // Which content types need a physician's approval before they are published.
      medicalContentTypes: env.array('CLINIC_MEDICAL_CONTENT_TYPES', ['plugin::clinic.procedure', 'plugin::clinic.faq', 'plugin::clinic.provider']),
      // The site's revalidation endpoint(s), told about approvals and publications.
      webhookUrls: env.array('CLINIC_WEBHOOK_URLS', []),
      webhookSecret: env('CLINIC_WEBHOOK_SECRET', ''),
      // Announcements wait in the database until the site accepts them: retried after 1 s, 2 s, 4 s… up to the cap.
      webhookRetry: { initialDelayMs: env.int('CLINIC_WEBHOOK_RETRY_INITIAL_MS', 1000), maxDelayMs: env.int('CLINIC_WEBHOOK_RETRY_MAX_MS', 5000) },
      webhookTimeoutMs: env.int('CLINIC_WEBHOOK_TIMEOUT_MS', 5000),
      webhookPollMs: env.int('CLINIC_WEBHOOK_POLL_MS', 2000),
      siteUrl: env('SITE_URL', 'http://localhost:3000'),
      // The site's operation allowlist (web/src/lib/cms/generated/operation-allowlist.json); when set, GraphQL runs nothing else.
      graphqlAllowlist: env('CLINIC_GRAPHQL_ALLOWLIST', ''),
      // Anonymous GraphQL answers kept in memory until the next write: for a single CMS process only.
      graphqlAnswerCache: env.bool('CLINIC_GRAPHQL_ANSWER_CACHE', false),
      // The largest picture (bytes) the media library accepts; only JPEG, PNG, WebP, AVIF and GIF are.
      uploadMaxBytes: env.int('CLINIC_UPLOAD_MAX_BYTES', 10 * 1024 * 1024),
      // The daily review reminder (physicians: reviews due and waiting; editors: rejections), sent by email.
      reviewDigest: {
        enabled: env.bool('CLINIC_REVIEW_DIGEST_ENABLED', false),
        hour: env.int('CLINIC_REVIEW_DIGEST_HOUR', 7),
        minute: env.int('CLINIC_REVIEW_DIGEST_MINUTE', 0),
        timezone: env('CLINIC_REVIEW_DIGEST_TIMEZONE', 'UTC'),
        adminUrl: env('CLINIC_ADMIN_URL', `${env('PUBLIC_URL', '') || `http://localhost:${env.int('PORT', 1337)}`}/admin`),
      },
    },
  },
  // Strapi's email plugin over SMTP (nodemailer): the review reminders go through it.
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', 'localhost'),
        port: env.int('SMTP_PORT', 587),
        secure: env.bool('SMTP_SECURE', false),
        ...(env('SMTP_USERNAME', '') ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD', '') } } : {}),
      },
      settings: { defaultFrom: env('EMAIL_FROM', 'Medical review <reviews@clinic.test>'), defaultReplyTo: env('EMAIL_REPLY_TO', env('EMAIL_FROM', 'reviews@clinic.test')) },
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
      // The sandbox outside production; in production no landing page at all (Strapi's `false` still serves Apollo's).
      landingPage: env('NODE_ENV') !== 'production' ? true : () => ApolloServerPluginLandingPageDisabled(),
      // Stack traces stay in the server log, not in answers to the public. In production the schema is not
      // served: no introspection, no "did you mean" field suggestions (cms/schema.graphql is the contract).
      apolloServer: {
        introspection: env('NODE_ENV') !== 'production',
        hideSchemaDetailsFromClientErrors: env('NODE_ENV') === 'production',
        includeStacktraceInErrorResponses: false,
      },
    },
  },
});
