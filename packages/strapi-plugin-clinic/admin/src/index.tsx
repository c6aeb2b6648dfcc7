import { CheckCircle } from '@strapi/icons';
import { ReviewPanel } from './components/ReviewPanel';
import { PLUGIN_ID } from './plugin-id';

const prefixed = (messages: Record<string, string>) => Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

export default {
  register(app: any) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Medical review' });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: CheckCircle,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Medical review' },
      Component: () => import('./pages/App'),
      permissions: [{ action: 'plugin::clinic.review.read', subject: null }],
    });
    app.getPlugin('content-manager').apis.addEditViewSidePanel([ReviewPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefixed(data), locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
};
