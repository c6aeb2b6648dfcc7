import { REVIEWABLE, type ReviewableType } from '../../shared/contracts/review';

export const PLUGIN_ID = 'clinic';

/** Content-type uid → the short name the review routes use; built from the shared list so the two never differ. */
export const REVIEWABLE_MODELS: Readonly<Record<string, ReviewableType>> = Object.fromEntries(
  (Object.entries(REVIEWABLE) as Array<[ReviewableType, string]>).map(([type, uid]) => [uid, type]),
);

export const t = (id: string) => `${PLUGIN_ID}.${id}`;
