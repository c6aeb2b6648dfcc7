import { DEMO_SECRETS, findUnsafeSecrets, productionSecretsRefusal, unsafeSecretsRefusal } from './production-secrets';

const strong = 'q9V4m2Lr8xT1bN6cZ3wK0pY7';

describe('production secrets', () => {
  it('names empty secrets, whether unset, blank or an empty list', () => {
    expect(findUnsafeSecrets({ ADMIN_JWT_SECRET: undefined, JWT_SECRET: '  ', APP_KEYS: [], API_TOKEN_SALT: strong })).toEqual([
      { name: 'ADMIN_JWT_SECRET', problem: 'empty' },
      { name: 'JWT_SECRET', problem: 'empty' },
      { name: 'APP_KEYS', problem: 'empty' },
    ]);
  });

  it('names every published demo value, also when set in another variable or another case', () => {
    expect(findUnsafeSecrets({ ...DEMO_SECRETS }).map((s) => [s.name, s.problem])).toEqual(Object.keys(DEMO_SECRETS).map((name) => [name, 'demo value']));
    expect(findUnsafeSecrets({ PREVIEW_SECRET: DEMO_SECRETS.CLINIC_WEBHOOK_SECRET.toUpperCase() })).toEqual([{ name: 'PREVIEW_SECRET', problem: 'demo value' }]);
  });

  it('refuses a list of keys when any one of them is a demo key', () => {
    expect(findUnsafeSecrets({ APP_KEYS: [strong, DEMO_SECRETS.APP_KEYS[1]] })).toEqual([{ name: 'APP_KEYS', problem: 'demo value' }]);
  });

  it('names guessable short keys, but leaves password length to the password rules', () => {
    expect(findUnsafeSecrets({ ENCRYPTION_KEY: 'secret', DEMO_PASSWORD: 'Short1Pw' })).toEqual([{ name: 'ENCRYPTION_KEY', problem: 'too short' }]);
  });

  it('accepts long random values of your own', () => {
    expect(findUnsafeSecrets({ APP_KEYS: [strong, `${strong}b`], PREVIEW_SECRET: strong, DEMO_PASSWORD: 'Another-Clinic-Pass-9' })).toEqual([]);
  });

  it('explains the refusal by naming each variable to set and why', () => {
    const message = unsafeSecretsRefusal('the CMS', [
      { name: 'APP_KEYS', problem: 'demo value' },
      { name: 'PREVIEW_SECRET', problem: 'empty' },
    ]);
    expect(message).toContain('Refusing to start the CMS with NODE_ENV=production: set APP_KEYS (demo value), PREVIEW_SECRET (empty).');
    expect(message).toContain('openssl rand -base64 32');
    expect(unsafeSecretsRefusal('the CMS', [])).toBeNull();
  });

  it('refuses only in production', () => {
    const secrets = { PREVIEW_SECRET: DEMO_SECRETS.PREVIEW_SECRET };
    expect(productionSecretsRefusal({ nodeEnv: 'development', server: 'the site', secrets })).toBeNull();
    expect(productionSecretsRefusal({ nodeEnv: 'test', server: 'the site', secrets })).toBeNull();
    expect(productionSecretsRefusal({ nodeEnv: 'production', server: 'the site', secrets })).toContain('the site with NODE_ENV=production: set PREVIEW_SECRET (demo value)');
    expect(productionSecretsRefusal({ nodeEnv: 'production', server: 'the site', secrets: { PREVIEW_SECRET: strong } })).toBeNull();
  });
});
