import { REVIEW_ACTIONS } from '../roles';

/** Authorization is declared here, as data: the admin session plus the review permission. */
const requires = (action: string) => ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }];

export const reviewAdminRoutes = {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/reviews/:type/:documentId', handler: 'review.status', config: { policies: requires(REVIEW_ACTIONS.read) } },
    { method: 'POST', path: '/reviews/:type/:documentId/submit', handler: 'review.submit', config: { policies: requires(REVIEW_ACTIONS.submit) } },
    { method: 'POST', path: '/reviews/:type/:documentId/approve', handler: 'review.approve', config: { policies: requires(REVIEW_ACTIONS.decide) } },
    { method: 'POST', path: '/reviews/:type/:documentId/reconfirm', handler: 'review.reconfirm', config: { policies: requires(REVIEW_ACTIONS.decide) } },
    { method: 'POST', path: '/reviews/:type/:documentId/reject', handler: 'review.reject', config: { policies: requires(REVIEW_ACTIONS.decide) } },
    { method: 'POST', path: '/reviews/:type/:documentId/unpublish', handler: 'review.unpublish', config: { policies: requires(REVIEW_ACTIONS.decide) } },
    { method: 'GET', path: '/previews/:type/:documentId', handler: 'preview.revisionLink', config: { policies: requires(REVIEW_ACTIONS.read) } },
    { method: 'GET', path: '/review-queue', handler: 'review.queue', config: { policies: requires(REVIEW_ACTIONS.read) } },
    { method: 'GET', path: '/reviews-due', handler: 'review.due', config: { policies: requires(REVIEW_ACTIONS.read) } },
    { method: 'GET', path: '/announcements', handler: 'announcements.backlog', config: { policies: requires(REVIEW_ACTIONS.read) } },
  ],
};
