import { expect, test, type Page } from '@playwright/test';
import { adminToken, cmsAdmin, createDraft, reviewAndPublish } from './support/cms-admin';

/**
 * Stored content can never run script. Script and event-handler payloads go into every text
 * field an editor writes, of every content type (procedure with its other names, sections and
 * steps; provider; FAQ; rebrand notice; clinic details with its language taglines), through
 * the real approval gate; then every page that shows them is loaded in Chromium, with and
 * after hydration. Nothing may run (no marker, no dialog), no element may carry an event
 * handler or a javascript: link, and the JSON-LD must parse and hold the text as text.
 * Runs after the journeys that expect the demo text (see playwright.config.ts).
 */

// Each payload, if it ran, would set window.__pwned (or call alert, caught as a dialog).
const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<a href="javascript:window.__pwned=1">link</a>',
  '[markdown link](javascript:window.__pwned=1) ![img](javascript:window.__pwned=1)',
  '</script><script>window.__pwned=1</script>',
  '"}]</script><script>alert(1)</script>',
  '<svg onload="window.__pwned=1"></svg>',
  '"><svg/onload=window.__pwned=1>',
  "'><img src=x onerror=alert(1)>",
  "{{constructor.constructor('window.__pwned=1')()}} ${window.__pwned=1} #{1}",
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '\u202e\u200b\u200d<b onmouseover=window.__pwned=1>rtl</b>\u2066',
];
// Under the tightest limits (40 characters: phones).
const SHORT = '"><svg/onload=window.__pwned=1>';
const DIALABLE = '+1 262-555-0142';
const TAG = `x${Date.now().toString(36)}`;

/** As many payloads as fit in `max` characters, after a marker naming the field they went into. */
function payload(field: string, max = 5000): string {
  let text = `${TAG}-${field}`;
  for (const p of [SHORT, ...PAYLOADS]) if (text.length + 1 + p.length <= max) text += ` ${p}`;
  return text;
}

interface PageCheck {
  path: string;
  /** Text that must show on the page, as text. */
  shows: string[];
}

async function expectNothingRan(page: Page, { path, shows }: PageCheck) {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await page.waitForLoadState('networkidle');
  // Hover and focus everything a payload could hang a handler on.
  await page.mouse.move(10, 10);
  for (const text of shows) await expect(page.getByText(text.slice(0, 60), { exact: false }).first(), `${path} shows ${text.slice(0, 30)}`).toBeAttached();
  const found = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}[${a.name}]`)),
    javascriptLinks: [...document.querySelectorAll('[href],[src],[action],[formaction],[xlink\\:href]')].filter((e) => /^\s*javascript:/i.test(e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? '')).length,
    iframes: document.querySelectorAll('iframe').length,
    // A script element that is a payload's own body broke out of its text (Next's data scripts carry the text as JSON strings).
    inlineScripts: [...document.scripts].filter((s) => /^(?:window\.|parent\.)?__pwned=1$|^alert\(1\)$/.test((s.textContent ?? '').trim())).length,
    jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? ''),
  }));
  expect(found.pwned, `${path}: a payload ran`).toBeNull();
  expect(dialogs, `${path}: a payload opened a dialog`).toEqual([]);
  expect(found.handlers, `${path}: event handler attributes`).toEqual([]);
  expect(found.javascriptLinks, `${path}: javascript: links`).toBe(0);
  expect(found.iframes, `${path}: iframes`).toBe(0);
  expect(found.inlineScripts, `${path}: a payload became a script`).toBe(0);
  for (const block of found.jsonLd) {
    // It parses: no payload ended the script early or left a fragment of itself in it.
    expect(() => JSON.parse(block), `${path}: JSON-LD parses`).not.toThrow();
  }
  return found.jsonLd.map((b) => JSON.parse(b));
}

test('payloads in every text field of every content type run nowhere on the site', async ({ page, request }) => {
  test.setTimeout(5 * 60_000);
  const editor = 'editor@clinic.test';
  const slug = (name: string) => `${TAG}-${name}`;

  // A provider (a bio: medical content, approved by a physician), with every text field a payload.
  const provider = await createDraft(await adminToken(editor), 'plugin::clinic.provider', 'en', {
    fullName: payload('fullName', 160),
    credentials: payload('credentials', 60),
    specialty: payload('specialty', 160),
    education: payload('education'),
    biography: payload('biography'),
    slug: slug('provider'),
    acceptingNewPatients: true,
  });
  await reviewAndPublish('plugin::clinic.provider', provider.documentId, 'en');

  const faq = await createDraft(await adminToken(editor), 'plugin::clinic.faq', 'en', { question: payload('question', 300), answer: payload('answer') });
  await reviewAndPublish('plugin::clinic.faq', faq.documentId, 'en');

  const procedure = await createDraft(await adminToken(editor), 'plugin::clinic.procedure', 'en', {
    title: payload('title', 160),
    slug: slug('procedure'),
    summary: payload('summary', 1000),
    otherNames: [{ name: payload('otherName', 160) }],
    anesthesia: payload('anesthesia', 160),
    sections: [
      { kind: 'overview', heading: payload('heading', 200), body: payload('sectionBody') },
      { kind: 'how_performed', heading: payload('heading2', 200), body: payload('sectionBody2'), steps: [{ title: payload('stepTitle', 200), detail: payload('stepDetail', 2000) }] },
    ],
    faqs: { connect: [{ documentId: faq.documentId, locale: 'en' }] },
    providers: { connect: [{ documentId: provider.documentId, locale: 'en' }] },
  });
  await reviewAndPublish('plugin::clinic.procedure', procedure.documentId, 'en');

  // The rebrand notice and the clinic details: the editor publishes them (no medical review).
  const notices = '/content-manager/collection-types/plugin::clinic.rebrand-notice';
  const notice = (
    await cmsAdmin(editor, 'POST', `${notices}?locale=en`, {
      previousName: payload('previousName', 160),
      newName: payload('newName', 160),
      message: payload('message', 500),
      phone: DIALABLE,
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 86_400_000).toISOString(),
    })
  ).data;
  await cmsAdmin(editor, 'POST', `${notices}/${notice.documentId}/actions/publish?locale=en`, {});

  const single = '/content-manager/single-types/plugin::clinic.clinic';
  const clinic = (await cmsAdmin(editor, 'GET', `${single}?locale=en`)).data;
  const taglines = (clinic.languageAssistance ?? []).map(({ id: _id, ...tagline }: Record<string, unknown>) => ({ ...tagline, languageName: payload('languageName', 80), text: `${payload('tagline', 590).replace(/[{}]/g, '')} {phone}` }));  // a tagline names {phone} exactly once, and no other placeholder
  const clinicName = payload('clinicName', 160);
  // A phone must be a number patients can dial: a payload there is refused outright, on both types.
  await expect(cmsAdmin(editor, 'PUT', `${single}?locale=en`, { phone: SHORT })).rejects.toThrow(/: 400 .*country code/);
  await expect(cmsAdmin(editor, 'PUT', `${notices}/${notice.documentId}?locale=en`, { phone: SHORT })).rejects.toThrow(/: 400 .*country code/);
  await cmsAdmin(editor, 'PUT', `${single}?locale=en`, { ...clinic, name: clinicName, phone: DIALABLE, address: payload('address', 500), languageAssistance: taglines });
  for (const locale of ['en', 'es']) await cmsAdmin(editor, 'POST', `${single}/actions/publish?locale=${locale}`, {});

  // Pages come from the cache: wait for the webhook to bring the new clinic name to the home page.
  await expect
    .poll(async () => (await (await request.get('/en')).text()).includes(`${TAG}-clinicName`), { timeout: 30_000, intervals: [500] })
    .toBe(true);

  const procedurePath = `/en/procedures/${slug('procedure')}`;
  const checks: PageCheck[] = [
    { path: '/en', shows: [`${TAG}-clinicName`, `${TAG}-title`, `${TAG}-fullName`] },
    { path: '/es', shows: [`${TAG}-clinicName`] },
    { path: '/en/procedures', shows: [`${TAG}-title`, `${TAG}-summary`, `${TAG}-otherName`] },
    { path: procedurePath, shows: [`${TAG}-title`, `${TAG}-heading`, `${TAG}-sectionBody`, `${TAG}-stepTitle`, `${TAG}-stepDetail`, `${TAG}-anesthesia`, `${TAG}-question`, `${TAG}-answer`, `${TAG}-fullName`] },
    // The Spanish address shows the English page with a notice: the same text in another page.
    { path: `/es/procedures/${slug('procedure')}`, shows: [`${TAG}-title`] },
    { path: `/en/providers/${slug('provider')}`, shows: [`${TAG}-fullName`, `${TAG}-specialty`, `${TAG}-education`, `${TAG}-biography`] },
    { path: '/en/faq', shows: [`${TAG}-question`, `${TAG}-answer`] },
    { path: '/es/faq', shows: [] },
  ];
  let procedureLd: unknown[] = [];
  for (const check of checks) {
    const ld = await expectNothingRan(page, check);
    if (check.path === procedurePath) procedureLd = ld;
  }
  // The structured data names the procedure exactly as written, payload and all, as text.
  expect(JSON.stringify(procedureLd)).toContain(JSON.stringify(payload('title', 160)).slice(1, -1));

  // The 404 page shows the clinic's phone, and the language assistance page its taglines, when the site has one.
  const missing = await page.goto('/en/no-such-page');
  expect(missing?.status()).toBe(404);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
  const assistance = await request.get('/en/language-assistance');
  if (assistance.status() === 200) await expectNothingRan(page, { path: '/en/language-assistance', shows: [] });
});
