/** The demo accounts' password: DEMO_PASSWORD, or a local-only default outside production. */
const LOCAL_DEFAULT = 'ClinicDemo2026';

function demoPassword(env = process.env) {
  if (env.DEMO_PASSWORD) return env.DEMO_PASSWORD;
  if (env.NODE_ENV === 'production') {
    throw new Error('Set DEMO_PASSWORD: the demo accounts get no default password in production.');
  }
  return LOCAL_DEFAULT;
}

module.exports = { demoPassword, LOCAL_DEFAULT };
