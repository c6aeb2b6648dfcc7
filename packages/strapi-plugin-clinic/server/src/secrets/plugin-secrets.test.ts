import { refuseUnsafePluginSecrets } from './plugin-secrets';

const strong = 'q9V4m2Lr8xT1bN6cZ3wK0pY7';
const off = { previewSecret: '', webhookUrls: [], webhookSecret: '' };

describe("the plugin's secrets in production", () => {
  it('refuses the demo preview secret, naming the variable', () => {
    expect(() => refuseUnsafePluginSecrets({ ...off, previewSecret: 'local-demo-preview-secret' }, 'production')).toThrow(
      /Refusing to start the CMS with NODE_ENV=production: set PREVIEW_SECRET \(demo value\)/,
    );
  });

  it('refuses webhook URLs without a secret, or with the demo one', () => {
    expect(() => refuseUnsafePluginSecrets({ ...off, webhookUrls: ['https://site.example/api/revalidate'] }, 'production')).toThrow(/CLINIC_WEBHOOK_SECRET \(empty\)/);
    expect(() => refuseUnsafePluginSecrets({ ...off, webhookUrls: ['https://site.example/api/revalidate'], webhookSecret: 'local-demo-webhook-secret' }, 'production')).toThrow(
      /CLINIC_WEBHOOK_SECRET \(demo value\)/,
    );
  });

  it('lets production run without preview or webhooks, or with real secrets', () => {
    expect(() => refuseUnsafePluginSecrets(off, 'production')).not.toThrow();
    expect(() => refuseUnsafePluginSecrets({ previewSecret: strong, webhookUrls: ['https://site.example/api/revalidate'], webhookSecret: `${strong}x` }, 'production')).not.toThrow();
  });

  it('keeps the demo values outside production', () => {
    expect(() => refuseUnsafePluginSecrets({ previewSecret: 'local-demo-preview-secret', webhookUrls: ['http://localhost:3000/api/revalidate'], webhookSecret: '' }, 'development')).not.toThrow();
  });
});
