import { readFileSync } from 'node:fs';
import { GraphQLError, type ValidationRule } from 'graphql';
import { operationHash } from 'clinic-domain';

export const NOT_ON_ALLOWLIST = "This operation is not one of the site's own operations, the only ones this CMS accepts.";

/**
 * The hashes in the allowlist the site writes at build time (web/scripts/operation-allowlist.mjs).
 * A file that cannot be read or holds no valid hash stops the CMS: running without the list
 * would silently accept everything.
 */
export function loadOperationAllowlist(file: string): Set<string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`clinic.graphqlAllowlist: cannot read ${file} (${(error as Error).message})`);
  }
  const operations = (parsed as { operations?: unknown } | null)?.operations;
  const hashes = operations && typeof operations === 'object' ? Object.values(operations) : [];
  if (hashes.length === 0 || !hashes.every((hash) => typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash))) {
    throw new Error(`clinic.graphqlAllowlist: ${file} has no "operations" map of names to SHA-256 hashes`);
  }
  return new Set(hashes as string[]);
}

/** Refuses (a validation error, so a 400) any document whose normalized hash is not listed. */
export function operationAllowlistRule(allowed: ReadonlySet<string>): ValidationRule {
  return (context) => ({
    Document(document) {
      if (!allowed.has(operationHash(document))) context.reportError(new GraphQLError(NOT_ON_ALLOWLIST));
      return false;
    },
  });
}
