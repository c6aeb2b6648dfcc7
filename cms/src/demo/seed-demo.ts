import type { Core } from '@strapi/strapi';
import { demoClinic, demoFaqs, demoProcedures, demoProviders, demoRebrandNotice, type DemoLocale } from './demo-content';
import { demoLanguageAssistance } from './demo-language-assistance';
import { DEMO_EDITOR_EMAIL, DEMO_PHYSICIAN_EMAIL } from './demo-accounts';

type Target = { contentType: string; documentId: string; locale: string };

/** The part of the clinic plugin's public reviews service the demo uses. */
interface ClinicReviews {
  stateOf(target: Target): Promise<{ state: { status: string } }>;
  submit(target: Target, user: unknown, at?: Date): Promise<unknown>;
  approve(target: Target, user: unknown, input: { at?: Date }): Promise<unknown>;
}

const LOCALES: DemoLocale[] = ['en', 'es'];
const uid = (name: string) => `plugin::clinic.${name}` as any;

type DocumentIds = Record<string, string>;

/**
 * Loads the demo clinic. Idempotent: each document is found by a natural key in English
 * (slug, question, previous name) and rewritten to the demo text, so a second run leaves
 * the same content, and a run on a database an editor has used restores the demo pages.
 */
export async function seedDemoContent(strapi: Core.Strapi, accounts: Record<string, any>): Promise<void> {
  const docs = (name: string) => strapi.documents(uid(name));
  const reviews = strapi.plugin('clinic').service('reviews') as ClinicReviews;

  /**
   * Medical content goes through the same gate as everyone's: the demo editor submits the
   * text and the demo physician approves it, dated as the demo's review history says.
   */
  async function reviewAndPublish(name: string, documentId: string, reviewedOn: Record<DemoLocale, string>) {
    for (const locale of LOCALES) {
      const target = { contentType: uid(name), documentId, locale };
      const { state } = await reviews.stateOf(target);
      if (state.status !== 'approved') {
        if (state.status !== 'awaiting_review') await reviews.submit(target, accounts[DEMO_EDITOR_EMAIL], new Date(`${reviewedOn[locale]}T09:00:00.000Z`));
        await reviews.approve(target, accounts[DEMO_PHYSICIAN_EMAIL], { at: new Date(`${reviewedOn[locale]}T10:00:00.000Z`) });
      }
      await docs(name).publish({ documentId, locale } as any);
    }
  }

  async function upsert(name: string, findEnglish: Record<string, unknown>, dataFor: (locale: DemoLocale) => Record<string, unknown>, publish = true) {
    const existing = await docs(name).findFirst({ locale: 'en', status: 'draft', filters: findEnglish } as any);
    let documentId = existing?.documentId as string | undefined;
    for (const locale of LOCALES) {
      if (!documentId) {
        const created = await docs(name).create({ locale, data: dataFor(locale) } as any);
        documentId = created.documentId as string;
      } else {
        await docs(name).update({ documentId, locale, data: dataFor(locale) } as any);
      }
    }
    if (publish) for (const locale of LOCALES) await docs(name).publish({ documentId, locale } as any);
    return documentId!;
  }

  await upsert('clinic', {}, (locale) => ({
    name: demoClinic.name,
    phone: demoClinic.phone,
    address: demoClinic.address[locale],
    defaultReviewIntervalMonths: demoClinic.defaultReviewIntervalMonths,
    languageAssistance: demoLanguageAssistance,
    // The demo has one physician account, who approves every bio (a clinic's medical director).
    allowPeerBioApproval: true,
  }));

  const providerIds: DocumentIds = {};
  for (const provider of demoProviders) {
    providerIds[provider.key] = await upsert('provider', { slug: provider.text.en.slug }, (locale) => ({
      fullName: provider.fullName,
      credentials: provider.credentials,
      acceptingNewPatients: provider.acceptingNewPatients,
      // The link a super admin sets: this bio belongs to the demo physician's account.
      reviewerAccountId: provider.key === 'stauss' ? accounts[DEMO_PHYSICIAN_EMAIL].id : null,
      ...provider.text[locale],
    }), false);
  }
  // Bios are medical content too; the reviewer's own bio must exist before anything is approved.
  for (const provider of demoProviders) await reviewAndPublish('provider', providerIds[provider.key]!, { en: '2026-03-02', es: '2026-03-02' });

  const faqIds: DocumentIds = {};
  for (const faq of demoFaqs) {
    faqIds[faq.key] = await upsert('faq', { question: faq.text.en.question }, (locale) => ({ ...faq.text[locale] }), false);
    await reviewAndPublish('faq', faqIds[faq.key]!, { en: '2026-04-25', es: '2026-04-25' });
  }

  const procedureIds: DocumentIds = {};
  const procedureData = (procedure: (typeof demoProcedures)[number], locale: DemoLocale) => ({
    ...procedure.text[locale],
    otherNames: procedure.text[locale].otherNames.map((name) => ({ name })),
    typicalDurationMinutes: procedure.typicalDurationMinutes,
    setting: procedure.setting,
    procedureType: procedure.procedureType,
    providers: procedure.providerKeys.map((key) => providerIds[key]),
    faqs: procedure.faqKeys.map((key) => faqIds[key]),
  });
  for (const procedure of demoProcedures) {
    procedureIds[procedure.key] = await upsert('procedure', { slug: procedure.text.en.slug }, (locale) => procedureData(procedure, locale), false);
  }
  // Related procedures point at each other, so they are linked once all exist.
  for (const procedure of demoProcedures) {
    for (const locale of LOCALES) {
      const documentId = procedureIds[procedure.key]!;
      await docs('procedure').update({ documentId, locale, data: { relatedProcedures: procedure.relatedKeys.map((key) => procedureIds[key]) } } as any);
    }
    await reviewAndPublish('procedure', procedureIds[procedure.key]!, procedure.reviewedOn);
  }

  await upsert('rebrand-notice', { previousName: demoRebrandNotice.previousName }, (locale) => ({
    previousName: demoRebrandNotice.previousName,
    newName: demoRebrandNotice.newName,
    phone: demoRebrandNotice.phone,
    startsAt: demoRebrandNotice.startsAt,
    endsAt: demoRebrandNotice.endsAt,
    message: demoRebrandNotice.message[locale],
  }));

}
