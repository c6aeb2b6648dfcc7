/**
 * How the Content Manager names and explains each clinic field, in English: what editors
 * read instead of attribute names ("Other names", not `otherNames`). Spanish labels are
 * admin translations (admin/src/translations/es.json, keyed as the Content Manager looks
 * them up); descriptions show in one language only, since the Content Manager prints them
 * as stored.
 */
export interface FieldText {
  label: string;
  description?: string;
}

/** The fields of one content type or component, by attribute name. */
export type FieldTexts = Record<string, FieldText>;

const FROM_THE_APPROVAL = 'Set from the physician\'s approval when this version is published; read only.';

/** The review fields every reviewable type carries (filled by the workflow, never typed in). */
const reviewFields: FieldTexts = {
  reviewedBy: { label: 'Reviewed by (from the approval)', description: `The physician whose approval of this text is published. ${FROM_THE_APPROVAL}` },
  reviewedByName: { label: "Reviewer's name (from the approval)", description: `As printed in the byline, the way it read when they approved. ${FROM_THE_APPROVAL}` },
  reviewedByCredentials: { label: "Reviewer's credentials (from the approval)", description: FROM_THE_APPROVAL },
  reviewedBySpecialty: { label: "Reviewer's specialty (from the approval)", description: FROM_THE_APPROVAL },
  lastReviewedOn: { label: 'Last reviewed on (from the approval)', description: `The day a physician approved the published text. ${FROM_THE_APPROVAL}` },
  nextReviewDue: { label: 'Next review due', description: `The approval date plus the review interval. ${FROM_THE_APPROVAL}` },
  reviewIntervalMonths: { label: 'Review interval (months)', description: "How often a physician reviews this page again. Leave empty to use the clinic's default." },
  translationOutOfDate: {
    label: 'Translation may be out of date',
    description: 'Set when the default-language text was approved after this translation; cleared when this translation is approved again. Read only.',
  },
};

const slug = (example: string): FieldText => ({
  label: 'URL slug',
  description: `The end of the page's address in this language, e.g. ${example}. Changing it changes the address.`,
});

export const CONTENT_TYPE_FIELD_TEXTS: Record<string, FieldTexts> = {
  'plugin::clinic.procedure': {
    title: { label: 'Title', description: 'The name patients know the procedure by, as the page heading.' },
    slug: slug('vertebroplasty-and-kyphoplasty'),
    otherNames: { label: 'Other names', description: 'Other names patients search for (abbreviations, older or everyday terms). Listed on the page.' },
    summary: { label: 'Summary', description: 'Two or three sentences shown at the top of the page and in search results.' },
    sections: {
      label: 'Sections',
      description: 'The page in reading order: overview, candidacy, preparation, how it is performed (with numbered steps), aftercare, risks and recovery.',
    },
    typicalDurationMinutes: { label: 'Typical duration (minutes)', description: 'How long the procedure itself usually takes. The same in every language.' },
    anesthesia: { label: 'Anesthesia', description: 'In patients\' words, e.g. "Local anesthesia with light sedation".' },
    setting: { label: 'Setting', description: 'Outpatient (home the same day) or inpatient (a hospital stay). The same in every language.' },
    procedureType: { label: 'Procedure type', description: 'Percutaneous (through the skin), surgical or noninvasive. The same in every language.' },
    relatedProcedures: { label: 'Related procedures', description: 'Procedures suggested at the end of the page.' },
    faqs: { label: 'FAQs', description: 'The questions answered on this page, in the order shown.' },
    providers: { label: 'Physicians', description: 'The physicians who perform this procedure, in the order shown.' },
    ...reviewFields,
  },
  'plugin::clinic.faq': {
    question: { label: 'Question', description: 'As a patient would ask it.' },
    answer: { label: 'Answer' },
    procedures: { label: 'Procedures', description: "The procedures whose pages answer this question (the order is set on each procedure's page)." },
    ...reviewFields,
  },
  'plugin::clinic.provider': {
    fullName: { label: 'Full name', description: 'As printed in bylines, without credentials, e.g. "Thomas Stauss". The same in every language.' },
    credentials: { label: 'Credentials', description: 'After the name in bylines, e.g. "MD". The same in every language.' },
    specialty: { label: 'Specialty' },
    education: { label: 'Education' },
    biography: { label: 'Biography' },
    photo: { label: 'Photo', description: 'A portrait. Give it an alternative text in the Media Library.' },
    slug: slug('thomas-stauss'),
    acceptingNewPatients: { label: 'Accepting new patients' },
    procedures: { label: 'Procedures', description: "The procedures this physician performs (the order is set on each procedure's page)." },
    ...reviewFields,
    reviewerAccountId: {
      label: 'Reviewer account id (super admins)',
      description:
        "The admin account of this physician (Settings → Users), so that their approvals name this bio as the reviewer. Only super admins see or change it; an email address links nothing.",
    },
  },
  'plugin::clinic.clinic': {
    name: { label: 'Clinic name', description: 'The same in every language.' },
    phone: { label: 'Phone', description: 'In international format, e.g. +1 262-555-0142.' },
    address: { label: 'Address' },
    languageAssistance: {
      label: 'Language assistance taglines',
      description:
        'Free language help, one tagline per language (US: Section 1557, 45 CFR 92.11 asks for the 15 languages most spoken in your state). Shown at the foot of every page and on the language assistance page, the same in every site language. Not medical text: editors publish it with the clinic details.',
    },
    defaultReviewIntervalMonths: { label: 'Default review interval (months)', description: 'How often physicians review medical pages, unless a page sets its own interval.' },
    readingLevelTarget: { label: 'Reading level target (school grade)', description: 'The grade patient text should read at (health-literacy guidance: 8). The Medical review panel and page show each section against it, as a hint.' },
    allowSelfApproval: {
      label: 'Allow self-approval (super admins)',
      description: 'On: a physician may approve a revision they submitted themselves. Off: another physician must approve it.',
    },
    allowPeerBioApproval: {
      label: 'Allow peer bio approval (super admins)',
      description: "On: any physician may approve another physician's bio. Off: each physician approves their own.",
    },
    showOverdueReviewNotice: {
      label: 'Tell patients when a review is overdue (super admins)',
      description: 'On: a page whose next review date has passed says so to patients. Either way it stays live and the Medical review page lists it as overdue.',
    },
  },
  'plugin::clinic.rebrand-notice': {
    previousName: { label: 'Previous name' },
    newName: { label: 'New name' },
    message: { label: 'Message', description: "Shown in the site's banner while the notice is on." },
    phone: { label: 'Phone' },
    startsAt: { label: 'Shown from' },
    endsAt: { label: 'Shown until', description: 'After "Shown from".' },
  },
};

export const COMPONENT_FIELD_TEXTS: Record<string, FieldTexts> = {
  'clinic.other-name': {
    name: { label: 'Name' },
  },
  'clinic.procedure-section': {
    kind: { label: 'Section', description: 'Which part of the page this is; the site shows sections in the order listed here.' },
    heading: { label: 'Heading' },
    body: { label: 'Text' },
    steps: { label: 'Steps', description: 'Numbered steps, for "how it is performed".' },
  },
  'clinic.language-tagline': {
    language: { label: 'Language tag', description: 'BCP 47, e.g. es, zh-Hant, vi, fa. Sets the language and reading direction patients get (Arabic, Persian, Urdu, Hebrew: right to left).' },
    languageName: { label: 'Language name', description: 'As its speakers write it, e.g. Español, 中文, Tiếng Việt. Listed at the foot of every page.' },
    text: { label: 'Tagline', description: "Free language help, in this language. Write {phone} where the clinic's phone number goes; never type the number." },
  },
  'clinic.procedure-step': {
    title: { label: 'Step' },
    detail: { label: 'Details' },
  },
};
