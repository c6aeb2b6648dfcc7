/**
 * GraphQL answers 200 even when it refused the whole operation. Patients' tools, caches and
 * monitors read HTTP status codes, so a refused operation (no data at all) gets the status
 * its error means. A partial answer keeps 200, as GraphQL intends.
 */
const STATUS_BY_CODE: Record<string, number> = {
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  STRAPI_NOT_FOUND_ERROR: 404,
  PERSISTED_QUERY_NOT_SUPPORTED: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
};

/** Codes that mean the caller asked for something it may not have, or sent what cannot run. */
const REFUSALS = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'BAD_USER_INPUT']);

export function httpStatusForRefusedOperation(body: unknown): number | null {
  if (!body || typeof body !== 'object') return null;
  const { data, errors } = body as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
  if (!Array.isArray(errors) || errors.length === 0) return null;
  // Asking, in one part of an operation, for what may not be had (a draft, say) refuses the
  // whole operation: no partial answer for an operation that tried.
  const refusal = errors.map((e) => e.extensions?.code ?? '').find((code) => REFUSALS.has(code));
  if (refusal) return STATUS_BY_CODE[refusal]!;
  const nothingReturned = data === null || data === undefined || (typeof data === 'object' && Object.values(data as object).every((v) => v === null));
  if (!nothingReturned) return null;
  const statuses = errors.map((e) => STATUS_BY_CODE[e.extensions?.code ?? ''] ?? null);
  if (statuses.some((s) => s === null)) return null;
  // Several client errors: the first one decides; they are all 4xx.
  return statuses[0] ?? null;
}
