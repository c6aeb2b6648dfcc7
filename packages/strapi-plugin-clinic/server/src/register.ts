import type { Core } from '@strapi/strapi';
import { componentRegistryEntries } from './components';
import { contentApiGuard } from './draft-protection/content-api-guard';
import { contentApiReadsMiddleware } from './draft-protection/content-api-reads';
import { enableStrictParams, hidePrivateFieldsFromSearch } from './draft-protection/private-fields';
import { registerGraphqlExtension } from './graphql';
import { applyGraphqlLimits } from './graphql/operation-limits';
import { rebrandWindowMiddleware } from './rebrand/rebrand-window-middleware';
import { publishGate } from './review/publish-gate';
import { publishedIntegrityGuard } from './review/published-integrity';
import type { ReviewService } from './review/review-service';
import { reviewFieldsMiddleware } from './review/review-fields-middleware';
import { reviewLogGuard } from './review/review-log-guard';
import { announceChanges } from './webhooks/announce-changes';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const registry = strapi.get('components');
  // A copy saved by the Content-Type Builder into the app's src/components takes precedence.
  for (const [uid, component] of Object.entries(componentRegistryEntries())) {
    if (!registry.get(uid)) registry.set(uid, component);
  }
  hidePrivateFieldsFromSearch(strapi);
  enableStrictParams(strapi);
  strapi.server.use(contentApiGuard(strapi));

  const documents = strapi.documents as unknown as { use(middleware: unknown): void };
  documents.use(contentApiReadsMiddleware(strapi));
  documents.use(reviewLogGuard);
  documents.use(reviewFieldsMiddleware(strapi));
  documents.use(rebrandWindowMiddleware(strapi));
  const reviews = () => strapi.plugin('clinic').service('reviews') as ReviewService;
  documents.use(publishGate(strapi, reviews));
  documents.use(publishedIntegrityGuard(strapi, reviews));

  documents.use(announceChanges(strapi, () => strapi.plugin('clinic').service('webhooks')));
  if (strapi.plugin('graphql')) registerGraphqlExtension(strapi);
  if (strapi.plugin('graphql')) applyGraphqlLimits(strapi);
};
