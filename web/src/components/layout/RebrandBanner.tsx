import { getTranslations } from 'next-intl/server';
import { isNoticeActive } from 'clinic-domain';
import type { RebrandNotice } from '@/lib/cms';
import { previewPin } from '@/lib/preview/preview-pin';
import { DismissNotice } from './DismissNotice';
import { telHref } from '@/lib/tel-href';

/**
 * The rebrand notice, inside its window only. It sits in the page flow (never over the
 * content), and a dismissal is remembered in this browser (see DismissNotice).
 */
export async function RebrandBanner({ notices, now = new Date() }: { notices: RebrandNotice[]; now?: Date }) {
  // A preview opened for one notice shows it whatever its window, so it can be checked before it starts.
  const pin = await previewPin();
  const notice = notices.find((n) => pin?.type === 'rebrand-notice' && n.documentId === pin.documentId) ?? notices.find((n) => isNoticeActive(n, now));
  if (!notice) return null;
  const t = await getTranslations('Rebrand');
  return (
    <aside className="rebrand-banner" aria-label={t('label')} data-notice-id={notice.documentId} data-ends-at={notice.endsAt}>
      <p>
        {notice.message}
        {notice.phone && (
          <>
            {' '}
            {telHref(notice.phone) ? <a href={telHref(notice.phone)!}>{t('call', { phone: notice.phone })}</a> : t('call', { phone: notice.phone })}
          </>
        )}
      </p>
      <DismissNotice noticeId={notice.documentId} label={t('dismiss')} />
    </aside>
  );
}

export { hideDismissedNoticeScript } from './hide-dismissed-notice-script';
