import { getTranslations } from 'next-intl/server';
import { clinicPhoneOrNull, telHref } from '@/lib/errors/clinic-phone';
import { paths } from '@/lib/seo/alternates';

/** What a 404 says, in the page's language: what happened, whom to call, the way home. */
export async function NotFoundContent({ locale }: { locale: string }) {
  const [t, phone] = await Promise.all([getTranslations({ locale, namespace: 'errors' }), clinicPhoneOrNull(locale)]);
  const href = phone ? telHref(phone) : null;
  return (
    <div data-testid="not-found">
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFoundBody')}</p>
      <p>{phone ? t.rich('call', { phone, tel: (chunks) => (href ? <a href={href}>{chunks}</a> : chunks) }) : t('callWithoutNumber')}</p>
      <p>
        <a href={paths.home(locale)}>{t('home')}</a>
      </p>
    </div>
  );
}
