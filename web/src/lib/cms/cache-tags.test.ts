import { tags, tagsForEvent } from './cache-tags';

const expired = (contentType: string) => tagsForEvent({ contentType, documentId: 'abc123' });

describe('which cached pages a CMS change expires', () => {
  it('a procedure: its page and every list of procedures', () => {
    expect(expired('plugin::clinic.procedure')).toEqual(['doc:abc123', 'type:procedure']);
  });

  it('a provider: provider pages and procedure pages, which list providers', () => {
    expect(expired('plugin::clinic.provider')).toEqual(['doc:abc123', 'type:provider', 'type:procedure']);
  });

  it('an FAQ: the FAQ page and procedure pages', () => {
    expect(expired('plugin::clinic.faq')).toEqual(['doc:abc123', 'type:faq', 'type:procedure']);
  });

  it('clinic details and the rebrand notice: every page, as both are in the layout', () => {
    expect(expired('plugin::clinic.clinic')).toEqual(['doc:abc123', tags.all]);
    expect(expired('plugin::clinic.rebrand-notice')).toEqual(['doc:abc123', tags.all]);
  });

  it('a type it does not know: everything, rather than nothing', () => {
    for (const contentType of ['plugin::clinic.something-new', 'api::article.article', 'constructor', '']) {
      expect(expired(contentType)).toEqual(['doc:abc123', tags.all]);
    }
  });
});
