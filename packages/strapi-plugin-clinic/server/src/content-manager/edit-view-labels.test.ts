import spanish from '../../../admin/src/translations/es.json';
import clinic from '../content-types/clinic/schema.json';
import faq from '../content-types/faq/schema.json';
import procedure from '../content-types/procedure/schema.json';
import provider from '../content-types/provider/schema.json';
import rebrandNotice from '../content-types/rebrand-notice/schema.json';
import otherName from '../components/other-name.json';
import procedureSection from '../components/procedure-section.json';
import procedureStep from '../components/procedure-step.json';
import { withFieldTexts, type Metadatas } from './edit-view-labels';
import { COMPONENT_FIELD_TEXTS, CONTENT_TYPE_FIELD_TEXTS } from './field-labels';

/** What the Content Manager stores for a field nobody has configured. */
const untouched = (name: string) => ({ edit: { label: name, description: '', placeholder: '', visible: true, editable: true }, list: { label: name, searchable: true, sortable: true } });

describe('Content Manager labels of clinic fields', () => {
  const texts = CONTENT_TYPE_FIELD_TEXTS['plugin::clinic.procedure']!;

  it('labels and describes fields nobody has configured, in the edit and list views', () => {
    const { metadatas, changed } = withFieldTexts({ otherNames: untouched('otherNames'), typicalDurationMinutes: untouched('typicalDurationMinutes') }, texts);
    expect(changed).toBe(true);
    expect(metadatas.otherNames?.edit).toMatchObject({ label: 'Other names', description: expect.stringMatching(/search/), editable: true });
    expect(metadatas.otherNames?.list?.label).toBe('Other names');
    expect(metadatas.typicalDurationMinutes?.edit?.label).toBe('Typical duration (minutes)');
  });

  it('shows the review fields read only', () => {
    const { metadatas } = withFieldTexts({ reviewedBy: untouched('reviewedBy'), reviewIntervalMonths: untouched('reviewIntervalMonths') }, texts);
    expect(metadatas.reviewedBy?.edit).toMatchObject({ label: 'Reviewed by (from the approval)', editable: false });
    // The interval is the editors' to set; only what the approval fills is locked.
    expect(metadatas.reviewIntervalMonths?.edit?.editable).toBe(true);
  });

  it("keeps an administrator's own label, description and settings", () => {
    const custom: Metadatas = {
      summary: { edit: { label: 'Teaser', description: 'Ours', editable: true }, list: { label: 'Teaser' } },
      reviewedBy: { edit: { label: 'Physician', description: '', editable: true }, list: { label: 'Physician' } },
      title: { edit: { label: 'title', description: 'Our own hint', editable: true }, list: { label: 'Headline' } },
    };
    const { metadatas } = withFieldTexts(custom, texts);
    expect(metadatas.summary).toEqual(custom.summary);
    expect(metadatas.reviewedBy).toEqual(custom.reviewedBy);
    expect(metadatas.title).toEqual({ edit: { label: 'Title', description: 'Our own hint', editable: true }, list: { label: 'Headline' } });
  });

  it('changes nothing the second time', () => {
    const once = withFieldTexts({ otherNames: untouched('otherNames') }, texts).metadatas;
    expect(withFieldTexts(once, texts)).toEqual({ metadatas: once, changed: false });
  });

  it.each([
    ['plugin::clinic.procedure', procedure],
    ['plugin::clinic.faq', faq],
    ['plugin::clinic.provider', provider],
    ['plugin::clinic.clinic', clinic],
    ['plugin::clinic.rebrand-notice', rebrandNotice],
  ])('names every field of %s in English and Spanish', (uid, schema) => {
    const labelled = CONTENT_TYPE_FIELD_TEXTS[uid]!;
    expect(Object.keys(labelled).sort()).toEqual(Object.keys(schema.attributes).sort());
    for (const field of Object.keys(labelled)) expect((spanish as Record<string, string>)[`content-manager.content-types.${uid}.${field}`]).toEqual(expect.any(String));
  });

  it.each([
    ['clinic.other-name', otherName],
    ['clinic.procedure-section', procedureSection],
    ['clinic.procedure-step', procedureStep],
  ])('names every field of the %s component in English and Spanish', (uid, schema) => {
    const labelled = COMPONENT_FIELD_TEXTS[uid]!;
    expect(Object.keys(labelled).sort()).toEqual(Object.keys(schema.attributes).sort());
    for (const field of Object.keys(labelled)) expect((spanish as Record<string, string>)[`content-manager.components.${uid}.${field}`]).toEqual(expect.any(String));
  });
});
