'use client';

import { useEffect } from 'react';

/** Remembers the language the visitor reads in, for their next visit to "/". */
export function RememberLocale({ locale }: { locale: string }) {
  useEffect(() => {
    document.cookie = `NEXT_LOCALE=${encodeURIComponent(locale)}; path=/; max-age=31536000; samesite=lax`;
  }, [locale]);
  return null;
}
