import { getFormatter, getTranslations } from 'next-intl/server';
import type { Clinic, Procedure } from '@/lib/cms';
import { Markdown } from '@/components/common/Markdown';
import { telHref } from '@/lib/tel-href';
import { FaqList } from '@/components/faq/FaqList';
import { ProviderList } from '@/components/provider/ProviderList';
import { Byline } from './Byline';
import { ProcedureLinks } from './ProcedureLinks';

/** A procedure page: every section in the order the CMS gives, steps numbered. */
export async function ProcedureArticle({ procedure, clinic, linkLocale }: { procedure: Procedure; clinic: Clinic | null; linkLocale: string }) {
  const t = await getTranslations('Procedure');
  const format = await getFormatter();
  const tel = clinic ? telHref(clinic.phone) : null;
  return (
    <article lang={procedure.locale}>
      <h1>{procedure.title}</h1>
      {procedure.otherNames.length > 0 && <p className="other-names">({procedure.otherNames.join(' · ')})</p>}
      <Byline byline={procedure.byline} locale={linkLocale} />
      {procedure.translationOutOfDate && procedure.byline && (
        <p className="notice" role="note">
          {t('outOfDate', { date: format.dateTime(new Date(`${procedure.byline.reviewedOn}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' }) })}
        </p>
      )}
      <p className="summary">{procedure.summary}</p>

      <dl className="facts" aria-label={t('facts')}>
        {procedure.durationMinutes && (
          <>
            <dt>{t('duration')}</dt>
            <dd>{t('minutes', { count: procedure.durationMinutes })}</dd>
          </>
        )}
        {procedure.anesthesia && (
          <>
            <dt>{t('anesthesia')}</dt>
            <dd>{procedure.anesthesia}</dd>
          </>
        )}
        {procedure.setting && (
          <>
            <dt>{t('setting')}</dt>
            <dd>{t(procedure.setting)}</dd>
          </>
        )}
        {procedure.procedureType && (
          <>
            <dt>{t('type')}</dt>
            <dd>{t(procedure.procedureType)}</dd>
          </>
        )}
      </dl>

      {procedure.sections.map((section, index) => (
        <section key={index} aria-labelledby={`section-${index}`} data-kind={section.kind}>
          <h2 id={`section-${index}`}>{section.heading}</h2>
          <Markdown>{section.body}</Markdown>
          {section.steps.length > 0 && (
            <ol className="steps" aria-label={`${t('steps')}: ${section.heading}`}>
              {section.steps.map((step, i) => (
                <li key={i}>
                  <strong>{step.title}</strong>
                  {step.detail && <> — {step.detail}</>}
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}

      {procedure.faqs.length > 0 && (
        <section aria-labelledby="faqs">
          <h2 id="faqs">{t('faqs')}</h2>
          <FaqList faqs={procedure.faqs} />
        </section>
      )}

      {procedure.providers.length > 0 && (
        <section aria-labelledby="providers">
          <h2 id="providers">{t('providers')}</h2>
          <ProviderList providers={procedure.providers} locale={linkLocale} />
        </section>
      )}

      <ProcedureLinks id="related" heading={t('related')} procedures={procedure.related} locale={linkLocale} />

      {clinic && (
        <p>
          {t.rich('callToBook', { phone: clinic.phone, tel: (chunks) => (tel ? <a href={tel}>{chunks}</a> : chunks) })}
        </p>
      )}
    </article>
  );
}
