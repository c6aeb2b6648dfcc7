'use client';

import { useEffect, useState } from 'react';

const KEY = 'dismissed-notices';

function dismissed(): string[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]');
  } catch {
    return [];
  }
}

/** Hides the banner for good in this browser; also hides it once its window has ended. */
export function DismissNotice({ noticeId, label }: { noticeId: string; label: string }) {
  const [hidden, setHidden] = useState(false);

  useEffect(() => {
    const banner = document.querySelector<HTMLElement>(`[data-notice-id="${noticeId}"]`);
    const endsAt = banner?.dataset.endsAt ? Date.parse(banner.dataset.endsAt) : NaN;
    if (dismissed().includes(noticeId) || (!Number.isNaN(endsAt) && Date.now() >= endsAt)) setHidden(true);
  }, [noticeId]);

  useEffect(() => {
    const banner = document.querySelector<HTMLElement>(`[data-notice-id="${noticeId}"]`);
    if (banner) banner.hidden = hidden;
  }, [hidden, noticeId]);

  return (
    <button
      type="button"
      className="dismiss"
      aria-label={label}
      onClick={() => {
        localStorage.setItem(KEY, JSON.stringify([...new Set([...dismissed(), noticeId])]));
        setHidden(true);
        document.getElementById('main')?.focus();
      }}
    >
      <span aria-hidden="true">×</span>
    </button>
  );
}
