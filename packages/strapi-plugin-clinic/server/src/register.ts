import type { Core } from '@strapi/strapi';
import { componentRegistryEntries } from './components';
import { contentApiGuard } from './draft-protection/content-api-guard';
import { contentApiReadsMiddleware } from './draft-protection/content-api-reads';
import { registerGraphqlExtension } from './graphql';
import { rebrandWindowMiddleware } from './rebrand/rebrand-window-middleware';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const registry = strapi.get('components');
  // A copy saved by the Content-Type Builder into the app's src/components takes precedence.
  for (const [uid, component] of Object.entries(componentRegistryEntries())) {
    if (!registry.get(uid)) registry.set(uid, component);
  }
  strapi.server.use(contentApiGuard(strapi));
  strapi.documents.use(contentApiReadsMiddleware(strapi) as any);
  strapi.documents.use(rebrandWindowMiddleware(strapi) as any);
  if (strapi.plugin('graphql')) registerGraphqlExtension(strapi);
};
