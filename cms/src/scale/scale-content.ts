import type { Core } from '@strapi/strapi';

/**
 * A clinic far larger than the demo, for measuring the CMS and the site at size: generated
 * procedures, providers and FAQs in every scale locale, each submitted by an editor and
 * approved by a physician through the clinic plugin's real review service, then published
 * through the real publish gate (so the review log and the approvals are the real thing).
 * The text is filler written for this purpose; only its size and shape matter.
 */

export interface ScaleSize {
  procedures: number;
  providers: number;
  faqs: number;
}

export const FULL_SCALE: ScaleSize = { procedures: 1000, providers: 200, faqs: 5000 };

/** The demo's en and es plus a third locale, added the way an admin adds one (Strapi's i18n service). */
export const SCALE_LOCALES = [
  { code: 'en', name: 'English (en)' },
  { code: 'es', name: 'Spanish (es)' },
  { code: 'fr', name: 'French (fr)' },
] as const;
type ScaleLocale = (typeof SCALE_LOCALES)[number]['code'];

/** Generated documents are recognized by this slug / question prefix. */
export const SCALE_MARK = 'scale-';

export interface ScaleAccounts {
  editor: unknown;
  physician: unknown;
}

export type ScaleProgress = (step: 'providers' | 'faqs' | 'procedures', done: number, total: number) => void;

interface ClinicReviews {
  submit(target: { contentType: string; documentId: string; locale: string }, user: unknown, at?: Date): Promise<unknown>;
  approve(target: { contentType: string; documentId: string; locale: string }, user: unknown, input: { at?: Date }): Promise<unknown>;
}

const uid = (name: string) => `plugin::clinic.${name}` as any;
const pad = (n: number) => String(n + 1).padStart(4, '0');

const WORDS: Record<ScaleLocale, { procedure: string; faq: string; answer: string; summary: string; bio: string; overview: string; aftercare: string }> = {
  en: { procedure: 'Procedure', faq: 'How long does recovery take after procedure', answer: 'Most people return to light activity within a few days. Your physician tells you what applies to you.', summary: 'A generated procedure used to measure the platform at size.', bio: 'A generated physician biography used to measure the platform at size.', overview: 'What it is', aftercare: 'After the procedure' },
  es: { procedure: 'Procedimiento', faq: '¿Cuánto dura la recuperación tras el procedimiento', answer: 'La mayoría de las personas retoma una actividad ligera en pocos días. Su médico le indica lo que se aplica a su caso.', summary: 'Un procedimiento generado para medir la plataforma a escala.', bio: 'Una biografía generada para medir la plataforma a escala.', overview: 'Qué es', aftercare: 'Después del procedimiento' },
  fr: { procedure: 'Intervention', faq: 'Combien de temps dure la récupération après l’intervention', answer: 'La plupart des personnes reprennent une activité légère en quelques jours. Votre médecin vous dit ce qui s’applique à vous.', summary: 'Une intervention générée pour mesurer la plateforme à grande échelle.', bio: 'Une biographie générée pour mesurer la plateforme à grande échelle.', overview: 'De quoi s’agit-il', aftercare: 'Après l’intervention' },
};

const slugPrefix: Record<ScaleLocale, Record<'procedure' | 'provider', string>> = {
  en: { procedure: 'scale-procedure-', provider: 'scale-provider-' },
  es: { procedure: 'scale-procedimiento-', provider: 'scale-medico-' },
  fr: { procedure: 'scale-intervention-', provider: 'scale-medecin-' },
};

/** Runs `work` for 0..count-1, `concurrency` at a time, reporting each one done. */
async function inParallel(count: number, concurrency: number, work: (i: number) => Promise<void>, done: (n: number) => void) {
  let next = 0;
  let finished = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await work(i);
      done(++finished);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** Gives each demo bio that belongs to a reviewer account its missing scale-locale versions (the English text), reviewed and published. */
async function translateReviewerBios(strapi: Core.Strapi, reviews: ClinicReviews, accounts: ScaleAccounts) {
  const docs = strapi.documents(uid('provider'));
  const bios = await docs.findMany({ locale: 'en', status: 'draft', filters: { reviewerAccountId: { $notNull: true } }, populate: { localizations: { fields: ['locale'] } } } as any);
  for (const bio of bios as any[]) {
    const have = new Set([bio.locale, ...(bio.localizations ?? []).map((l: { locale: string }) => l.locale)]);
    for (const { code } of SCALE_LOCALES) {
      if (have.has(code)) continue;
      const { fullName, credentials, specialty, education, biography, slug, acceptingNewPatients, reviewerAccountId } = bio;
      await docs.update({ documentId: bio.documentId, locale: code, data: { fullName, credentials, specialty, education, biography, slug, acceptingNewPatients, reviewerAccountId } } as any);
      const target = { contentType: uid('provider'), documentId: bio.documentId, locale: code };
      await reviews.submit(target, accounts.editor);
      await reviews.approve(target, accounts.physician, {});
      await docs.publish({ documentId: bio.documentId, locale: code } as any);
    }
  }
}

export async function ensureScaleLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of SCALE_LOCALES) if (!(await locales.findByCode(locale.code))) await locales.create({ ...locale });
}

/** How many generated documents the database already holds (0 on a fresh or demo-only database). */
export async function countScaleDocuments(strapi: Core.Strapi): Promise<number> {
  return strapi.documents(uid('procedure')).count({ locale: 'en', status: 'draft', filters: { slug: { $startsWith: SCALE_MARK } } } as any);
}

/**
 * Writes the generated clinic. Expects the demo accounts and the demo physician's bio (the
 * demo seed) to exist; refuses to run twice on one database (slugs would collide).
 */
export async function generateScaleContent(
  strapi: Core.Strapi,
  { size, accounts, concurrency = 6, onProgress = () => {} }: { size: ScaleSize; accounts: ScaleAccounts; concurrency?: number; onProgress?: ScaleProgress },
): Promise<void> {
  if ((await countScaleDocuments(strapi)) > 0) throw new Error('This database already holds generated scale content; generate into an empty (or demo-only) database.');
  await ensureScaleLocales(strapi);
  const reviews = strapi.plugin('clinic').service('reviews') as ClinicReviews;
  const codes = SCALE_LOCALES.map((l) => l.code);

  /** One document in every locale, then each locale submitted, approved and published through the gate. */
  async function createReviewedAndPublished(name: string, dataFor: (locale: ScaleLocale) => Record<string, unknown>): Promise<string> {
    const docs = strapi.documents(uid(name));
    const created = await docs.create({ locale: codes[0], data: dataFor(codes[0]) } as any);
    const documentId = created.documentId as string;
    for (const locale of codes.slice(1)) await docs.update({ documentId, locale, data: dataFor(locale) } as any);
    for (const locale of codes) {
      const target = { contentType: uid(name), documentId, locale };
      await reviews.submit(target, accounts.editor);
      await reviews.approve(target, accounts.physician, {});
      await docs.publish({ documentId, locale } as any);
    }
    return documentId;
  }

  // The reviewer's bio in the new locale too: an approval links the page to its reviewer's bio there.
  await translateReviewerBios(strapi, reviews, accounts);

  const providerIds: string[] = new Array(size.providers);
  await inParallel(
    size.providers,
    concurrency,
    async (i) => {
      providerIds[i] = await createReviewedAndPublished('provider', (locale) => ({
        fullName: `Scale Physician ${pad(i)}`,
        credentials: 'MD',
        specialty: 'Pain Management',
        biography: WORDS[locale].bio,
        acceptingNewPatients: i % 3 !== 0,
        slug: `${slugPrefix[locale].provider}${pad(i)}`,
      }));
    },
    (n) => onProgress('providers', n, size.providers),
  );

  const faqIds: string[] = new Array(size.faqs);
  await inParallel(
    size.faqs,
    concurrency,
    async (i) => {
      faqIds[i] = await createReviewedAndPublished('faq', (locale) => ({ question: `${SCALE_MARK}${pad(i)} ${WORDS[locale].faq} ${pad(i)}?`, answer: WORDS[locale].answer }));
    },
    (n) => onProgress('faqs', n, size.faqs),
  );

  const faqsPerProcedure = Math.max(1, Math.floor(size.faqs / Math.max(1, size.procedures)));
  await inParallel(
    size.procedures,
    concurrency,
    async (i) => {
      await createReviewedAndPublished('procedure', (locale) => ({
        title: `${WORDS[locale].procedure} ${pad(i)}`,
        slug: `${slugPrefix[locale].procedure}${pad(i)}`,
        summary: WORDS[locale].summary,
        typicalDurationMinutes: 30 + (i % 6) * 15,
        setting: i % 4 === 0 ? 'inpatient' : 'outpatient',
        procedureType: (['percutaneous', 'surgical', 'noninvasive'] as const)[i % 3],
        sections: [
          { kind: 'overview', heading: WORDS[locale].overview, body: WORDS[locale].summary },
          { kind: 'aftercare', heading: WORDS[locale].aftercare, body: WORDS[locale].answer },
        ],
        faqs: faqIds.length ? Array.from({ length: faqsPerProcedure }, (_, k) => faqIds[(i * faqsPerProcedure + k) % faqIds.length]) : [],
        providers: providerIds.length ? [providerIds[i % providerIds.length], providerIds[(i + 1) % providerIds.length]] : [],
      }));
    },
    (n) => onProgress('procedures', n, size.procedures),
  );
}
