import sitemap from './sitemap';

// Two locales; the clinic's taglines per locale (jest.mock is hoisted above the import).
const taglines: Record<string, unknown[]> = {};
jest.mock('@/lib/localized-page', () => ({ getRouting: async () => ({ locales: ['en', 'es'], defaultLocale: 'en' }) }));
jest.mock('@/lib/cms', () => ({
  getSitemapDocuments: async () => [],
  getSiteChrome: async (locale: string) => ({ clinic: { phone: '+1 262-555-0142', languageAssistance: taglines[locale] ?? [] } }),
}));

const paths = async () => (await sitemap()).map((entry) => new URL(entry.url).pathname);

describe('the sitemap', () => {
  it('lists the language assistance page only in locales whose clinic has taglines (elsewhere it is a 404)', async () => {
    taglines.en = [];
    taglines.es = [];
    expect(await paths()).not.toContain('/en/language-assistance');
    expect(await paths()).not.toContain('/es/language-assistance');
    expect(await paths()).toEqual(expect.arrayContaining(['/en', '/es', '/en/faq']));

    taglines.es = [{ language: 'vi', text: 'x' }];
    expect((await paths()).filter((path) => path.endsWith('/language-assistance'))).toEqual(['/es/language-assistance']);
  });
});
