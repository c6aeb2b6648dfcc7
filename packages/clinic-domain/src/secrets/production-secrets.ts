/**
 * Secrets a production server must not start with. The values below are the local demo's
 * defaults: they are published in this repository, so anyone can forge admin sessions, API
 * tokens, preview links or webhooks with them. Outside production they keep the demo simple.
 */
export const DEMO_SECRETS = {
  APP_KEYS: ['demoKeyA-change-me', 'demoKeyB-change-me'],
  ADMIN_JWT_SECRET: 'demo-admin-jwt-secret-change-me',
  API_TOKEN_SALT: 'demo-api-token-salt-change-me',
  TRANSFER_TOKEN_SALT: 'demo-transfer-salt-change-me',
  ENCRYPTION_KEY: 'demo-encryption-key-change-me',
  JWT_SECRET: 'demo-users-jwt-secret-change-me',
  PREVIEW_SECRET: 'local-demo-preview-secret',
  CLINIC_WEBHOOK_SECRET: 'local-demo-webhook-secret',
  DEMO_PASSWORD: 'ClinicDemo2026',
} as const;

/** Every published demo value, whichever variable it was meant for (a value is as public in one as in another). */
const KNOWN_DEMO_VALUES = new Set(Object.values(DEMO_SECRETS).flat().map((value) => value.toLowerCase()));

/** Keys and salts shorter than this are guessable; `openssl rand -base64 32` gives 44 characters. */
export const MIN_SECRET_LENGTH = 16;

/** Passwords follow the admin's own password rules instead of the key length. */
const PASSWORD_VARIABLES = new Set(['DEMO_PASSWORD']);

export type SecretProblem = 'empty' | 'demo value' | 'too short';

export interface UnsafeSecret {
  /** The environment variable to set. */
  name: string;
  problem: SecretProblem;
}

/** A secret as configured: one value, or a list (APP_KEYS holds several keys). */
export type SecretValue = string | readonly string[] | null | undefined;

function problemOf(name: string, value: SecretValue): SecretProblem | null {
  const values = (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'string' ? v.trim() : ''));
  if (values.length === 0 || values.some((v) => v === '')) return 'empty';
  if (values.some((v) => KNOWN_DEMO_VALUES.has(v.toLowerCase()))) return 'demo value';
  if (!PASSWORD_VARIABLES.has(name) && values.some((v) => v.length < MIN_SECRET_LENGTH)) return 'too short';
  return null;
}

/** Names each secret that is empty, a published demo value or too short; the rest are fine. */
export function findUnsafeSecrets(secrets: Record<string, SecretValue>): UnsafeSecret[] {
  const unsafe: UnsafeSecret[] = [];
  for (const [name, value] of Object.entries(secrets)) {
    const problem = problemOf(name, value);
    if (problem) unsafe.push({ name, problem });
  }
  return unsafe;
}

/** Why a production server refuses to start, naming what to set; null when nothing is unsafe. */
export function unsafeSecretsRefusal(server: string, unsafe: readonly UnsafeSecret[]): string | null {
  if (unsafe.length === 0) return null;
  const list = unsafe.map((s) => `${s.name} (${s.problem})`).join(', ');
  return (
    `Refusing to start ${server} with NODE_ENV=production: set ${list}. ` +
    `Use long random values of your own, e.g. \`openssl rand -base64 32\` for each (APP_KEYS takes several, comma-separated); ` +
    `the demo values are published, so anyone could sign in or forge sessions, tokens, preview links and webhooks with them.`
  );
}

/** The refusal for a server about to start, or null: only production refuses. */
export function productionSecretsRefusal(input: { nodeEnv: string | undefined; server: string; secrets: Record<string, SecretValue> }): string | null {
  if (input.nodeEnv !== 'production') return null;
  return unsafeSecretsRefusal(input.server, findUnsafeSecrets(input.secrets));
}
