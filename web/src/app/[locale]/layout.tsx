import type { ReactNode } from 'react';
import { previewIsOpen } from '@/lib/preview/preview-session';
import { getTranslations } from 'next-intl/server';
import { getSiteChrome } from '@/lib/cms';
import { openLayout } from '@/lib/localized-page';
import { LanguageAssistanceNotice } from '@/components/language-assistance/LanguageAssistanceNotice';
import { PreviewRevisionStatus } from '@/components/preview/PreviewRevisionStatus';
import { paths } from '@/lib/seo/alternates';
import { telHref } from '@/lib/tel-href';
import { RebrandBanner, hideDismissedNoticeScript } from '@/components/layout/RebrandBanner';
import '../globals.css';

// Pages are rendered on first request and then served from Next's cache until the CMS
// webhook (or the hourly expiry) refreshes them.
export const dynamicParams = true;
export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const locale = await openLayout(params);
  const t = await getTranslations('Layout');
  const { clinic, notices } = await getSiteChrome(locale);
  const preview = await previewIsOpen();
  const tel = clinic ? telHref(clinic.phone) : null;

  return (
    <html lang={locale}>
      <head>
        <script dangerouslySetInnerHTML={{ __html: hideDismissedNoticeScript }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        {preview && (
          <div className="preview-bar" role="status">
            {t('previewMode')} <a href="/api/preview/disable">{t('exitPreview')}</a>
            <PreviewRevisionStatus />
          </div>
        )}
        <RebrandBanner notices={notices} />
        <header className="site-header">
          <div className="container">
            <a className="brand" href={paths.home(locale)}>
              {clinic?.name ?? 'Clinic'}
            </a>
            <nav aria-label={t('nav')}>
              <ul>
                <li>
                  <a href={paths.procedures(locale)}>{t('procedures')}</a>
                </li>
                <li>
                  <a href={paths.faq(locale)}>{t('faq')}</a>
                </li>
                {clinic && (
                  <li>
                    {tel ? (
                      <a className="phone-link" href={tel}>
                        {t('call')}: {clinic.phone}
                      </a>
                    ) : (
                      <span className="phone-link">
                        {t('call')}: {clinic.phone}
                      </span>
                    )}
                  </li>
                )}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          <div className="container">
            {/* No NextIntlClientProvider: client components get their strings as props, so no messages (nor next-intl's client code) are sent to the browser. */}
            {children}
          </div>
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>{t('footer')}</p>
            {clinic?.address && <p>{clinic.address}</p>}
            <LanguageAssistanceNotice locale={locale} clinic={clinic} />
          </div>
        </footer>
      </body>
    </html>
  );
}
