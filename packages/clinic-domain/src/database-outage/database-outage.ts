/**
 * Whether an error means the database could not be reached (restarting, shutting down, the
 * connection cut) rather than that the request was wrong or the code is broken. Such a request
 * changed nothing (its transaction never committed) and can simply be sent again, so it is
 * answered 503 with Retry-After instead of a 500.
 */
export interface ErrorLike {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
}

// SQLSTATE class 08 (connection exception) and 57P01-57P03 (the server shutting down or starting up).
const UNAVAILABLE_SQLSTATES = /^(08\d\d\d|08P01|57P0[123])$/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTCONN', 'EAI_AGAIN']);
const MESSAGES = [
  /connection terminated/i,
  /terminating connection due to administrator command/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /client has encountered a connection error/i,
  /knex: timeout acquiring a connection/i,
  /connection (was )?(closed|ended) unexpectedly/i,
  // knex's answer to a query sent on a transaction its lost connection already ended (rolled back).
  /transaction query already complete/i,
];

export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is briefly unavailable (restarting or unreachable); nothing was saved. Please try again in a few seconds.';

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, name, message, cause, originalError } = error as ErrorLike;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.test(code) || NETWORK_CODES.has(code))) return true;
  if (name === 'KnexTimeoutError') return true;
  if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
  return isDatabaseUnavailable(cause, depth + 1) || isDatabaseUnavailable(originalError, depth + 1);
}
