/** Runs once as the server starts (`next start`, `next dev`; never during `next build`). */
export async function register() {
  // Node only: the check exits the process, which the edge runtime has no notion of.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { exitOnUnsafeSecrets } = await import('./lib/production-secrets');
  exitOnUnsafeSecrets();
}
