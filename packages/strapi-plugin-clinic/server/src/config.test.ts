import { DEFAULT_MEDICAL_CONTENT_TYPES, medicalContentTypesOf } from './config';

describe('which content types are medical', () => {
  it('is exactly the configured list, shorter or reordered', () => {
    expect(medicalContentTypesOf({ medicalContentTypes: ['plugin::clinic.faq'] })).toEqual(['plugin::clinic.faq']);
    expect(medicalContentTypesOf({ medicalContentTypes: [] })).toEqual([]);
  });

  it('is procedures, FAQs and bios when the app sets nothing', () => {
    expect(medicalContentTypesOf({ medicalContentTypes: null })).toEqual(DEFAULT_MEDICAL_CONTENT_TYPES);
  });
});
