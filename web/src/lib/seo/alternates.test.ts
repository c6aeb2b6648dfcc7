import { alternatesFor, paths } from './alternates';

describe('alternates', () => {
  it('lists every published version, absolute, with x-default on the default locale', () => {
    const result = alternatesFor({
      siteUrl: 'https://clinic.example/',
      current: { locale: 'es', path: paths.procedure('es', 'vertebroplastia') },
      published: [{ locale: 'en', path: paths.procedure('en', 'vertebroplasty') }],
      defaultLocale: 'en',
    });
    expect(result).toEqual({
      canonical: 'https://clinic.example/es/procedures/vertebroplastia',
      languages: {
        en: 'https://clinic.example/en/procedures/vertebroplasty',
        es: 'https://clinic.example/es/procedures/vertebroplastia',
        'x-default': 'https://clinic.example/en/procedures/vertebroplasty',
      },
    });
  });

  it('is reciprocal: each version lists the same set', () => {
    const versions = [
      { locale: 'en', path: '/en/x' },
      { locale: 'es', path: '/es/y' },
    ];
    const fromEn = alternatesFor({ siteUrl: 'https://c.example', current: versions[0]!, published: versions, defaultLocale: 'en' });
    const fromEs = alternatesFor({ siteUrl: 'https://c.example', current: versions[1]!, published: versions, defaultLocale: 'en' });
    expect(fromEn.languages).toEqual(fromEs.languages);
  });

  it('points x-default at the page itself when the default locale has no version', () => {
    const result = alternatesFor({ siteUrl: 'https://c.example', current: { locale: 'es', path: '/es/solo' }, published: [], defaultLocale: 'en' });
    expect(result.languages).toEqual({ es: 'https://c.example/es/solo', 'x-default': 'https://c.example/es/solo' });
  });
});
