/** Longer paths are no page of ours; refused before they reach the CMS as a slug. */
export const MAX_PATH_LENGTH = 2048;

// C0 and C1 control characters (NUL included): no slug or locale has them.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** What is wrong with a path: the error page says it in the visitor's language (messages: errors). */
export type PathProblemReason = 'tooLong' | 'malformedEncoding' | 'controlCharacter' | 'percentSign';

export interface PathProblem {
  status: 400 | 414;
  reason: PathProblemReason;
  /** The same in English, for logs and tests. */
  message: string;
}

/**
 * Why a request path cannot name a page (a 4xx with this message), or null when it can:
 * too long, not valid percent-encoded UTF-8 in some segment, or a control character or a percent
 * sign once decoded. No slug or locale has a `%`, and Next decodes a segment once more on its way to
 * a page, so `%25` (or `%25ff`) there would reach it as a malformed encoding and answer a bare 500.
 */
export function pathProblem(pathname: string): PathProblem | null {
  if (pathname.length > MAX_PATH_LENGTH) return { status: 414, reason: 'tooLong', message: `The address is longer than ${MAX_PATH_LENGTH} characters.` };
  let decoded: string;
  try {
    decoded = pathname.split('/').map((segment) => decodeURIComponent(segment)).join('/');
  } catch {
    return { status: 400, reason: 'malformedEncoding', message: 'The address is not valid: it has a malformed percent-encoding (%XX) or bytes that are not UTF-8.' };
  }
  if (CONTROL_CHARACTER.test(decoded)) return { status: 400, reason: 'controlCharacter', message: 'The address is not valid: it has a control character.' };
  if (decoded.includes('%')) return { status: 400, reason: 'percentSign', message: 'The address is not valid: it has a percent sign (%25).' };
  return null;
}
