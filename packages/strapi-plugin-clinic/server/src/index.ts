import register from './register';
import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import { controllers, routes as contentApiRoutes, services } from './content-api';
import { setupService } from './setup';
import { reviewService } from './review/review-service';
import { reviewController } from './review/admin-api/review-controller';
import { reviewAdminRoutes } from './review/admin-api/routes';
import { webhookService } from './webhooks/webhook-service';
import { announcementController } from './webhooks/admin-api/announcement-controller';
import { previewService } from './preview/preview-service';
import { databaseUnavailableMiddleware } from './reliability/database-unavailable';
import { bodyReadMiddleware, malformedBodyMiddleware } from './reliability/malformed-body';
import { unsupportedMethodMiddleware } from './reliability/unsupported-method';
import { uploadRequestSizeMiddleware } from './uploads/upload-request-size';
import { fragmentReferencesMiddleware } from './graphql/fragment-references';
import { previewController } from './preview/preview-controller';
import { readingLevelAndDigestControllers, readingLevelAndDigestRoutes } from './review/admin-api/reading-level-and-digest-routes';
import { reviewDigestService } from './review/digest/review-digest-service';

const plugin: Record<string, unknown> = {
  register,
  bootstrap,
  config,
  contentTypes,
  controllers: { ...controllers, review: ({ strapi }: any) => reviewController(strapi), preview: ({ strapi }: any) => previewController(strapi), announcements: ({ strapi }: any) => announcementController(strapi), ...readingLevelAndDigestControllers },
  // Announcements left unsent go after the next start.
  destroy: ({ strapi }: any) => strapi.plugin('clinic').service('webhooks').stop(),
  services: {
    ...services,
    reviews: ({ strapi }: any) => reviewService(strapi),
    webhooks: ({ strapi }: any) => webhookService(strapi),
    preview: ({ strapi }: any) => previewService(strapi),
    reviewDigest: ({ strapi }: any) => reviewDigestService(strapi),
    setup: setupService,
  },
  routes: { ...contentApiRoutes, admin: { ...reviewAdminRoutes, routes: [...reviewAdminRoutes.routes, ...readingLevelAndDigestRoutes] } },
  middlewares: { 'database-unavailable': databaseUnavailableMiddleware, 'malformed-body': malformedBodyMiddleware, 'body-read': bodyReadMiddleware, 'graphql-fragment-references': fragmentReferencesMiddleware, 'unsupported-method': unsupportedMethodMiddleware, 'upload-request-size': uploadRequestSizeMiddleware },
};

export default plugin;
