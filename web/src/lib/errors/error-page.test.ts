import { errorPageHtml, errorPageLocale, escapeHtml } from './error-page';

const SITE = { locales: ['en', 'es'], defaultLocale: 'en' };

describe('errorPageLocale', () => {
  it('takes the path’s locale first, then the cookie, then the browser’s language, else the default', () => {
    expect(errorPageLocale({ pathname: '/es/%ff', cookieLocale: 'en', acceptLanguage: 'en' }, SITE)).toBe('es');
    expect(errorPageLocale({ pathname: '/%ff', cookieLocale: 'es', acceptLanguage: 'en' }, SITE)).toBe('es');
    expect(errorPageLocale({ pathname: '/%ff', acceptLanguage: 'de-DE, es-MX;q=0.8, en;q=0.5' }, SITE)).toBe('es');
    expect(errorPageLocale({ pathname: '/%ff', acceptLanguage: 'en;q=0.2, es;q=0.9' }, SITE)).toBe('es');
    expect(errorPageLocale({ pathname: '/xx/%ff', cookieLocale: 'xx', acceptLanguage: 'fr' }, SITE)).toBe('en');
  });

  it('ignores malformed or hostile headers', () => {
    for (const acceptLanguage of ['*;q=abc, ,,;;', 'es;q=-1', 'es;q=0', '%ff', 'a'.repeat(5000), '__proto__', 'constructor']) {
      expect(errorPageLocale({ pathname: '/', acceptLanguage }, SITE)).toBe('en');
    }
    expect(errorPageLocale({ pathname: '/', cookieLocale: 'constructor' }, SITE)).toBe('en');
  });
});

describe('errorPageHtml', () => {
  const text = { title: 'Not <found>', paragraphs: ['One & two'], call: { before: 'Call ', phone: '+1 (262) 555-0142', after: '.' }, home: 'Home' };

  it('is a whole page: the language, the title, the paragraphs, a tel: link and a link home', () => {
    const html = errorPageHtml({ locale: 'es', homePath: '/es', text });
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="es">/);
    expect(html).toContain('<title>Not &lt;found&gt;</title>');
    expect(html).toContain('<h1>Not &lt;found&gt;</h1>');
    expect(html).toContain('<p>One &amp; two</p>');
    expect(html).toContain('<a href="tel:+12625550142">+1 (262) 555-0142</a>');
    expect(html).toContain('<a href="/es">Home</a>');
    expect(html).toContain('<meta name="robots" content="noindex">');
  });

  it('escapes what the CMS sends: a phone cannot open a tag (nor, not being a number, get a link)', () => {
    const html = errorPageHtml({ locale: 'en', homePath: '/en', text: { ...text, call: { before: '', phone: '"><script>x()</script>', after: '' } } });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;x()&lt;/script&gt;');
    expect(html).not.toContain('tel:');
  });

  it('says to call the clinic when the number is unknown', () => {
    expect(errorPageHtml({ locale: 'en', homePath: '/en', text: { ...text, call: { withoutNumber: 'Call the clinic.' } } })).toContain('<p>Call the clinic.</p>');
  });

  it('shows a phone that is not a number as text, without a tel: link', () => {
    const html = errorPageHtml({ locale: 'en', homePath: '/en', text: { ...text, call: { before: 'Call ', phone: 'javascript:alert(7)', after: '.' } } });
    expect(html).toContain('<p>Call javascript:alert(7).</p>');
    expect(html).not.toContain('tel:');
  });

  it('has helpers that keep text text', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
