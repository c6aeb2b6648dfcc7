import { cache } from 'react';
import { cmsReadSignal, noteFailedCmsRead } from './cms-timeout';

// Per page render (React's request cache; outside a render, per call): whether a read has already got no answer.
const renderReads = cache(() => ({ unanswered: false }));

/**
 * fetch for the CMS client: the timeout on every read, and a read that gets no answer (refused,
 * reset, timed out; an HTTP error status is an answer) noted for the proxy. Once one read of a
 * render got no answer the render fails anyway, so its later reads give up at once rather than
 * wait out the timeout again. Nothing is remembered beyond the render: a CMS that is back is
 * read at once. Next's fetch is looked up per call, so its data cache still serves cached reads.
 */
export const fetchFromCms: typeof fetch = async (input, init) => {
  const reads = renderReads();
  if (reads.unanswered) throw new Error('The CMS did not answer an earlier read of this page');
  try {
    return await globalThis.fetch(input, { ...init, signal: cmsReadSignal(init?.signal) });
  } catch (error) {
    reads.unanswered = true;
    noteFailedCmsRead();
    throw error;
  }
};
