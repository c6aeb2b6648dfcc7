import { refuseUnsafePluginSecrets } from './secrets/plugin-secrets';

export interface ClinicPluginConfig {
  /** Shared with the site's preview; the only credential that reads drafts. Empty disables preview. */
  previewSecret: string;
  /** Content types whose publication needs a physician's approval of the exact revision. */
  medicalContentTypes: string[];
  /** Where approvals and publications are announced (the site's revalidation route). */
  webhookUrls: string[];
  /** HMAC-SHA256 secret shared with the site; webhooks are not sent without it. */
  webhookSecret: string;
  /** The patient site, for draft preview links. */
  siteUrl: string;
}

export const defaultConfig: ClinicPluginConfig = {
  previewSecret: '',
  medicalContentTypes: ['plugin::clinic.procedure', 'plugin::clinic.faq'],
  webhookUrls: [],
  webhookSecret: '',
  siteUrl: 'http://localhost:3000',
};

export default {
  default: defaultConfig,
  validator(config: ClinicPluginConfig) {
    if (typeof config.previewSecret !== 'string') throw new Error('clinic.previewSecret must be a string');
    if (!Array.isArray(config.medicalContentTypes)) throw new Error('clinic.medicalContentTypes must be a list of content-type uids');
    if (!Array.isArray(config.webhookUrls)) throw new Error('clinic.webhookUrls must be a list of URLs');
    refuseUnsafePluginSecrets(config);
  },
};
