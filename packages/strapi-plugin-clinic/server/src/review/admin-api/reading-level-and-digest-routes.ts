import { REVIEW_ACTIONS } from '../roles';
import { readingLevelController } from './reading-level-controller';
import { reviewDigestController } from '../digest/review-digest-controller';

const requires = (action: string) => ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }];

/** Admin routes of the reading level hint and the review reminders, added to the review routes. */
export const readingLevelAndDigestRoutes = [
  { method: 'GET', path: '/reading-levels/:type/:documentId', handler: 'readingLevel.show', config: { policies: requires(REVIEW_ACTIONS.read) } },
  // Super admins only (checked in the controller: there is no permission to grant it to anyone else).
  { method: 'POST', path: '/review-digest/send', handler: 'reviewDigest.sendNow', config: { policies: ['admin::isAuthenticatedAdmin'] } },
];

export const readingLevelAndDigestControllers = {
  readingLevel: ({ strapi }: any) => readingLevelController(strapi),
  reviewDigest: ({ strapi }: any) => reviewDigestController(strapi),
};
