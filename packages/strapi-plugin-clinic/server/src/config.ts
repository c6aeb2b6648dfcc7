export interface ClinicPluginConfig {
  /** Shared with the site's preview; the only credential that reads drafts. Empty disables preview. */
  previewSecret: string;
}

export default {
  default: { previewSecret: '' } satisfies ClinicPluginConfig,
  validator(config: ClinicPluginConfig) {
    if (typeof config.previewSecret !== 'string') throw new Error('clinic.previewSecret must be a string');
  },
};
