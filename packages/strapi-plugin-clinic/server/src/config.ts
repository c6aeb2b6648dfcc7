import { DEFAULT_RETRY_POLICY } from 'clinic-domain';
import { DEFAULT_UPLOAD_MAX_BYTES } from 'clinic-domain';
import { refuseUnsafePluginSecrets } from './secrets/plugin-secrets';

export interface ClinicPluginConfig {
  /** Shared with the site's preview; the only credential that reads drafts. Empty disables preview. */
  previewSecret: string;
  /** Content types whose publication needs a physician's approval of the exact revision; null: the default list. */
  medicalContentTypes: string[] | null;
  /** Where approvals and publications are announced (the site's revalidation route). */
  webhookUrls: string[];
  /** HMAC-SHA256 secret shared with the site; webhooks are not sent without it. */
  webhookSecret: string;
  /** How long to wait between attempts at an announcement the site did not accept: doubling from the first delay up to the cap. */
  webhookRetry: { initialDelayMs: number; maxDelayMs: number };
  /** How long one attempt may take before it counts as failed. */
  webhookTimeoutMs: number;
  /** How often the delivery worker looks for announcements due (retries, and rows another CMS instance wrote). */
  webhookPollMs: number;
  /** The patient site, for draft preview links. */
  siteUrl: string;
  /** What one GraphQL operation may ask for (see graphql/operation-limits.ts). */
  graphqlLimits: GraphqlLimits;
  /** Path (from the CMS's folder) to the site's operation allowlist; when set, only those operations run. Empty: off. */
  graphqlAllowlist: string;
  /** Keep anonymous GraphQL answers in memory until the next write (graphql/published-answer-cache.ts). Off by default: a write made by another CMS process is seen only after a minute. */
  graphqlAnswerCache: boolean;
  /** The daily review reminder by email (see review/digest). */
  reviewDigest: ReviewDigestConfig;
  /** Largest file (bytes) the media library accepts on any upload path; only JPEG, PNG, WebP, AVIF and GIF images are accepted. */
  uploadMaxBytes: number;
}

export interface ReviewDigestConfig {
  /** Off by default: a CMS without a mail server sends nothing. */
  enabled: boolean;
  /** The hour (0-23) and minute it is sent, in `timezone`, which also decides what "today" is. */
  hour: number;
  minute: number;
  timezone: string;
  /** The admin's address, for links in the email (e.g. https://cms.example.org/admin). */
  adminUrl: string;
}

export const defaultReviewDigest: ReviewDigestConfig = { enabled: false, hour: 7, minute: 0, timezone: 'UTC', adminUrl: 'http://localhost:1337/admin' };

export interface GraphqlLimits {
  maxAliases: number;
  /** Fields deep, the root field counting as 1. */
  maxDepth: number;
  maxDirectives: number;
  /** GraphQL Armor's cost: objects 2, scalars 1, times 1.5 per level. */
  maxCost: number;
  maxTokens: number;
}

/** Well above what the site's operations need: the biggest, ProcedureBySlug, is 4 deep, costs 289 and has about 200 tokens, no alias or directive. */
export const defaultGraphqlLimits: GraphqlLimits = { maxAliases: 10, maxDepth: 10, maxDirectives: 10, maxCost: 1500, maxTokens: 1000 };

// Bios too: a physician's name and credentials appear in every byline they sign.
export const DEFAULT_MEDICAL_CONTENT_TYPES = ['plugin::clinic.procedure', 'plugin::clinic.faq', 'plugin::clinic.provider'];

/**
 * Strapi merges an app's plugin config into the defaults element by element, so a default
 * list would leak into a shorter configured one (['faq'] became faq, faq, provider). The
 * default is therefore null, resolved here.
 */
export const medicalContentTypesOf = (config: Pick<ClinicPluginConfig, 'medicalContentTypes'>): string[] => config.medicalContentTypes ?? DEFAULT_MEDICAL_CONTENT_TYPES;

export const defaultConfig: ClinicPluginConfig = {
  previewSecret: '',
  medicalContentTypes: null,
  webhookUrls: [],
  webhookSecret: '',
  webhookRetry: { ...DEFAULT_RETRY_POLICY },
  webhookTimeoutMs: 5000,
  webhookPollMs: 2000,
  siteUrl: 'http://localhost:3000',
  graphqlLimits: defaultGraphqlLimits,
  graphqlAllowlist: '',
  graphqlAnswerCache: false,
  reviewDigest: defaultReviewDigest,
  uploadMaxBytes: DEFAULT_UPLOAD_MAX_BYTES,
};

export default {
  default: defaultConfig,
  validator(config: ClinicPluginConfig) {
    if (typeof config.previewSecret !== 'string') throw new Error('clinic.previewSecret must be a string');
    if (config.medicalContentTypes !== null && !Array.isArray(config.medicalContentTypes)) throw new Error('clinic.medicalContentTypes must be a list of content-type uids');
    if (!Array.isArray(config.webhookUrls)) throw new Error('clinic.webhookUrls must be a list of URLs');
    refuseUnsafePluginSecrets(config);
    for (const [name, value] of [
      ['webhookRetry.initialDelayMs', config.webhookRetry?.initialDelayMs],
      ['webhookRetry.maxDelayMs', config.webhookRetry?.maxDelayMs],
      ['webhookTimeoutMs', config.webhookTimeoutMs],
      ['webhookPollMs', config.webhookPollMs],
    ] as const) {
      if (!Number.isInteger(value) || (value as number) < 1) throw new Error(`clinic.${name} must be a positive whole number of milliseconds`);
    }
    for (const [name, value] of Object.entries(config.graphqlLimits ?? {})) {
      if (!Number.isInteger(value) || value < 1) throw new Error(`clinic.graphqlLimits.${name} must be a positive whole number`);
    }
    if (!Number.isInteger(config.uploadMaxBytes) || config.uploadMaxBytes < 1) throw new Error('clinic.uploadMaxBytes must be a positive whole number of bytes');
    if (typeof config.graphqlAllowlist !== 'string') throw new Error('clinic.graphqlAllowlist must be a file path (or empty)');
    if (typeof config.graphqlAnswerCache !== 'boolean') throw new Error('clinic.graphqlAnswerCache must be true or false');
    validateReviewDigest(config.reviewDigest);
  },
};

function validateReviewDigest(digest: ReviewDigestConfig | undefined): void {
  if (!digest) return;
  if (typeof digest.enabled !== 'boolean') throw new Error('clinic.reviewDigest.enabled must be true or false');
  if (!Number.isInteger(digest.hour) || digest.hour < 0 || digest.hour > 23) throw new Error('clinic.reviewDigest.hour must be a whole hour from 0 to 23');
  if (!Number.isInteger(digest.minute) || digest.minute < 0 || digest.minute > 59) throw new Error('clinic.reviewDigest.minute must be a whole minute from 0 to 59');
  try {
    new Intl.DateTimeFormat('en', { timeZone: digest.timezone });
  } catch {
    throw new Error(`clinic.reviewDigest.timezone must be an IANA time zone such as UTC or America/Chicago (got "${digest.timezone}")`);
  }
  if (!/^https?:\/\//.test(digest.adminUrl)) throw new Error('clinic.reviewDigest.adminUrl must be the admin\'s http(s) address');
}
