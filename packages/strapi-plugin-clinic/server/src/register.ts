import type { Core } from '@strapi/strapi';
import { componentRegistryEntries } from './components';
import { contentApiGuard } from './draft-protection/content-api-guard';
import { contentApiReadsMiddleware } from './draft-protection/content-api-reads';
import { enableStrictParams, hidePrivateFieldsFromSearch } from './draft-protection/private-fields';
import { registerGraphqlExtension } from './graphql';
import { applyGraphqlLimits } from './graphql/operation-limits';
import { rebrandWindowMiddleware } from './rebrand/rebrand-window-middleware';
import { taglineValidationMiddleware } from './language-assistance/tagline-validation-middleware';
import { patientPhoneMiddleware } from './phone/patient-phone-middleware';
import { publishGate } from './review/publish-gate';
import { publishedIntegrityGuard } from './review/published-integrity';
import type { ReviewService } from './review/review-service';
import { reviewFieldsMiddleware } from './review/review-fields-middleware';
import { reviewLogGuard } from './review/review-log-guard';
import { announceChanges } from './webhooks/announce-changes';
import { clinicRepository } from './repository/clinic-repository';
import { answerForbiddenRelationsWith403 } from './content-manager/relations-forbidden';
import { draftVersionGuard } from './concurrency/draft-version-guard';
import { refuseProtectedSettingChanges } from './review/protected-settings-guard';
import { clinicWideSettingsMiddleware } from './content-types/clinic/clinic-wide-settings';
import { settleAfterCommitWork, settleConnectionSetup } from './reliability/database-outage-guards';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  settleConnectionSetup(strapi);
  settleAfterCommitWork(strapi);
  const registry = strapi.get('components');
  // A copy saved by the Content-Type Builder into the app's src/components takes precedence.
  for (const [uid, component] of Object.entries(componentRegistryEntries())) {
    if (!registry.get(uid)) registry.set(uid, component);
  }
  hidePrivateFieldsFromSearch(strapi);
  answerForbiddenRelationsWith403(strapi);
  refuseProtectedSettingChanges(strapi);
  enableStrictParams(strapi);
  strapi.server.use(contentApiGuard(strapi));

  // Document Service middlewares, in order: reads first, then what a write may carry, then the gate.
  const documents = clinicRepository(strapi);
  documents.useDocumentMiddleware(contentApiReadsMiddleware(strapi));
  documents.useDocumentMiddleware(reviewLogGuard(strapi));
  documents.useDocumentMiddleware(reviewFieldsMiddleware(strapi));
  documents.useDocumentMiddleware(rebrandWindowMiddleware(strapi));
  documents.useDocumentMiddleware(draftVersionGuard(strapi));
  documents.useDocumentMiddleware(taglineValidationMiddleware());
  documents.useDocumentMiddleware(clinicWideSettingsMiddleware(strapi));
  documents.useDocumentMiddleware(patientPhoneMiddleware());
  const reviews = () => strapi.plugin('clinic').service('reviews') as ReviewService;
  documents.useDocumentMiddleware(publishGate(strapi, reviews));
  documents.useDocumentMiddleware(publishedIntegrityGuard(strapi, reviews));

  documents.useDocumentMiddleware(announceChanges(strapi, () => strapi.plugin('clinic').service('webhooks')));
  if (strapi.plugin('graphql')) registerGraphqlExtension(strapi);
  if (strapi.plugin('graphql')) applyGraphqlLimits(strapi);
};
