import { createHash } from 'node:crypto';
import { DENY_FRAMING, inlineScriptHashes, nonPagePolicy, pagePolicy, policyForHtml, previewFrameAncestors, securityHeaders } from './content-security-policy.cjs';

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('inlineScriptHashes', () => {
  it('hashes the exact text of each inline script a browser would run, once each', () => {
    const html = `<head><script>var a=1</script></head><body><script type="text/javascript">self.__next_f.push([1,"x"])</script><script>var a=1</script><script type=module>import "/m.js"</script></body>`;
    expect(inlineScriptHashes(html)).toEqual([hashOf('var a=1'), hashOf('self.__next_f.push([1,"x"])'), hashOf('import "/m.js"')]);
  });

  it('leaves out scripts loaded from a file and data blocks such as JSON-LD, which never run inline', () => {
    const html = `<script src="/_next/static/a.js" async=""></script><script async src=/b.js></script><script type="application/ld+json">{"@type":"MedicalWebPage"}</script><script data-src="x">run()</script>`;
    expect(inlineScriptHashes(html)).toEqual([hashOf('run()')]);
  });
});

describe('pagePolicy', () => {
  it('lets only the listed hashes run inline: no unsafe-inline, no eval, no framing', () => {
    const policy = policyForHtml('<script>go()</script>', { CMS_URL: 'http://127.0.0.1:1338' });
    expect(policy).toContain(`script-src 'self' ${hashOf('go()')}`);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("img-src 'self' data: http://127.0.0.1:1338");
  });

  it('upgrades insecure requests only for a production site on HTTPS', () => {
    expect(pagePolicy({ env: { NODE_ENV: 'production', SITE_URL: 'http://127.0.0.1:3100' } })).not.toContain('upgrade-insecure-requests');
    expect(pagePolicy({ env: { NODE_ENV: 'production', SITE_URL: 'https://clinic.example' } })).toContain('upgrade-insecure-requests');
  });

  it('lets nothing run in responses that are not pages', () => {
    expect(nonPagePolicy()).toMatch(/^default-src 'none';/);
    expect(nonPagePolicy()).toContain("frame-ancestors 'none'");
  });

  it('frames nothing unless told who may, and then names exactly that one frame-ancestors', () => {
    const admin = previewFrameAncestors('http://127.0.0.1:1338');
    for (const policy of [pagePolicy({ frameAncestors: admin }), nonPagePolicy({ frameAncestors: admin })]) {
      expect(policy.match(/frame-ancestors [^;]*/g)).toEqual(['frame-ancestors http://127.0.0.1:1338']);
    }
    expect(pagePolicy().match(/frame-ancestors [^;]*/g)).toEqual(["frame-ancestors 'none'"]);
  });
});

describe('previewFrameAncestors', () => {
  it('is the origin of the admin’s address alone: no path, query, credentials or wildcard', () => {
    expect(previewFrameAncestors('http://127.0.0.1:1337')).toBe('http://127.0.0.1:1337');
    expect(previewFrameAncestors('https://cms.clinic.example/admin/content-manager?x=1#y')).toBe('https://cms.clinic.example');
    expect(previewFrameAncestors('https://editor:secret@cms.clinic.example:8443/')).toBe('https://cms.clinic.example:8443');
    expect(previewFrameAncestors('HTTPS://CMS.Clinic.Example')).toBe('https://cms.clinic.example');
    expect(previewFrameAncestors('http://[::1]:1337/')).toBe('http://[::1]:1337');
  });

  it('frames nobody for anything that is not an http(s) address', () => {
    for (const bad of [undefined, '', 'cms.clinic.example', '*', "'self'", 'https://*.example', 'javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'blob:https://a.example/x', 'http://a.example; script-src *', 'http://a.example http://b.example', 'http://a.example,http://b.example']) {
      expect(previewFrameAncestors(bad as string)).toBe("'none'");
    }
  });
});

describe('securityHeaders', () => {
  const names = (env: Record<string, string>) => securityHeaders(env).map((h) => h.key);

  it('sends HSTS only from a production build of an HTTPS site, or when SITE_HSTS says so', () => {
    expect(names({ NODE_ENV: 'production', SITE_URL: 'https://clinic.example' })).toContain('Strict-Transport-Security');
    expect(names({ NODE_ENV: 'production', SITE_URL: 'http://127.0.0.1:3100' })).not.toContain('Strict-Transport-Security');
    expect(names({ NODE_ENV: 'development', SITE_URL: 'https://clinic.example' })).not.toContain('Strict-Transport-Security');
    expect(names({ NODE_ENV: 'production', SITE_URL: 'http://127.0.0.1:3100', SITE_HSTS: 'true' })).toContain('Strict-Transport-Security');
    expect(names({ NODE_ENV: 'production', SITE_URL: 'https://clinic.example', SITE_HSTS: 'false' })).not.toContain('Strict-Transport-Security');
  });

  it('always denies sniffing and powerful features; framing is denied by a header of its own, kept off the preview flow', () => {
    expect(DENY_FRAMING).toEqual({ key: 'X-Frame-Options', value: 'DENY' });
    expect(names({})).not.toContain('X-Frame-Options');
    expect(securityHeaders({})).toEqual(
      expect.arrayContaining([
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        expect.objectContaining({ key: 'Permissions-Policy' }),
      ]),
    );
  });
});
