import { getTranslations } from 'next-intl/server';
import { pinnedRevisionState } from 'clinic-domain';
import { currentRevisionHash } from '@/lib/cms';
import { previewPin } from '@/lib/preview/preview-pin';

/**
 * In the preview bar: whether the draft on screen is still the revision the preview was
 * opened for (the one a physician is asked to approve), or has changed since.
 */
export async function PreviewRevisionStatus() {
  const pin = await previewPin();
  if (!pin) return null;
  const current = await currentRevisionHash(pin);
  if (current === undefined) return null;
  const state = pinnedRevisionState(pin, current);
  const t = await getTranslations('PreviewRevision');
  return (
    <p className={`preview-revision preview-revision-${state}`} data-testid="preview-revision" data-state={state}>
      {t(state, { revision: pin.hash.slice(0, 8) })}
    </p>
  );
}
