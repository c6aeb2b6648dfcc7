import { factories } from '@strapi/strapi';

/**
 * Public read API of the clinic content types. Core factories until there is real logic:
 * the draft guard and the locale check sit in front of them (see ../draft-protection).
 */
export const CLINIC_CONTENT_TYPES = ['procedure', 'provider', 'faq', 'rebrand-notice', 'clinic'] as const;
export type ClinicContentTypeName = (typeof CLINIC_CONTENT_TYPES)[number];

export const clinicUid = (name: ClinicContentTypeName) => `plugin::clinic.${name}` as const;

export const controllers: Record<string, unknown> = Object.fromEntries(
  CLINIC_CONTENT_TYPES.map((name) => [name, factories.createCoreController(clinicUid(name) as any)]),
);

export const services: Record<string, unknown> = Object.fromEntries(
  CLINIC_CONTENT_TYPES.map((name) => [name, factories.createCoreService(clinicUid(name) as any)]),
);

// Patients only read: the public content API exposes reads, nothing that writes.
const collectionRoutes = (name: ClinicContentTypeName, plural: string) => [
  { method: 'GET', path: `/${plural}`, handler: `${name}.find`, config: {} },
  { method: 'GET', path: `/${plural}/:id`, handler: `${name}.findOne`, config: {} },
];

export const routes = {
  'content-api': {
    type: 'content-api',
    routes: [
      ...collectionRoutes('procedure', 'procedures'),
      ...collectionRoutes('provider', 'providers'),
      ...collectionRoutes('faq', 'faqs'),
      ...collectionRoutes('rebrand-notice', 'rebrand-notices'),
      { method: 'GET', path: '/clinic', handler: 'clinic.find', config: {} },
      // The site's preview asks which revision a draft is at; the controller requires the preview credential.
      { method: 'GET', path: '/preview-revisions/:type/:documentId', handler: 'preview.currentRevision', config: { auth: false } },
    ],
  },
};
