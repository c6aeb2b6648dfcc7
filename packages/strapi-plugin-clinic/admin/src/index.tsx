import { CheckCircle } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ReviewPanel, type EditViewPanel } from './components/review-panel';
import { PLUGIN_ID } from './plugin-id';
import { sendDraftVersionOnSave } from './concurrency/draft-version-header';

type Messages = Record<string, string>;

// Our own keys get the plugin's prefix; the Content Manager's field labels keep the ids it looks up.
const prefixed = (messages: Messages): Messages =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [key.startsWith('content-manager.') ? key : `${PLUGIN_ID}.${key}`, value]));

/** The Content Manager's APIs are untyped on the plugin registry; check the one we use before calling it. */
const canAddSidePanels = (apis: Record<string, unknown>): apis is { addEditViewSidePanel: (panels: EditViewPanel[]) => void } =>
  typeof apis.addEditViewSidePanel === 'function';

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Medical review' });
    sendDraftVersionOnSave();
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: CheckCircle,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Medical review' },
      Component: () => import('./pages/review-page'),
      permissions: [{ action: 'plugin::clinic.review.read', subject: null }],
    });
    const contentManager = app.getPlugin('content-manager').apis;
    if (canAddSidePanels(contentManager)) contentManager.addEditViewSidePanel([ReviewPanel]);
    else console.error('[clinic] The Content Manager does not offer edit-view side panels: the Medical review panel is not shown.');
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as { default: Messages };
          return { data: prefixed(data), locale };
        } catch {
          // A locale we have not translated falls back to the English defaults in the components.
          return { data: {}, locale };
        }
      }),
    );
  },
};
