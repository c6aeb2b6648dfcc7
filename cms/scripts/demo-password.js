/** The demo accounts' password: DEMO_PASSWORD, or a local-only default outside production. */
const { DEMO_SECRETS, productionSecretsRefusal } = require('clinic-domain');

const LOCAL_DEFAULT = DEMO_SECRETS.DEMO_PASSWORD;

function demoPassword(env = process.env) {
  // The demo accounts include a Super Admin: in production their password is the operator's, never the published one.
  const refusal = productionSecretsRefusal({ nodeEnv: env.NODE_ENV, server: 'the CMS', secrets: { DEMO_PASSWORD: env.DEMO_PASSWORD } });
  if (refusal) throw new Error(refusal);
  return env.DEMO_PASSWORD || LOCAL_DEFAULT;
}

module.exports = { demoPassword, LOCAL_DEFAULT };
