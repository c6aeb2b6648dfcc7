import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminToken, approve, editDraft, findDocument, publish, submit } from './support/cms-admin';

/**
 * The site is down when a physician publishes: the CMS keeps the announcement in its
 * database and sends it again until the site, started again, accepts it. Without it the
 * restarted site would serve its cached page (kept on disk) for up to an hour.
 */
const FAQ = 'plugin::clinic.faq';
const PAGE = '/en/faq';
const control = process.env.SITE_CONTROL_URL;

async function site(action: 'stop' | 'start') {
  const res = await fetch(`${control}/${action}`, { method: 'POST' });
  if (!res.ok) throw new Error(`site ${action}: ${res.status} ${await res.text()}`);
}

async function cached(request: APIRequestContext, path: string) {
  await expect.poll(async () => (await request.get(path)).headers()['x-nextjs-cache'], { message: `${path} is served from the cache` }).toBe('HIT');
}

test('a page published while the site is down is fresh within seconds of the site’s return', async ({ request }) => {
  test.skip(!control, 'SITE_CONTROL_URL is not set: the site was not started by the test runner');
  test.setTimeout(120_000);
  const editor = await adminToken('editor@clinic.test');
  const physician = await adminToken('physician@clinic.test');
  const faq = await findDocument(editor, FAQ, 'en', { question: 'How long does recovery take?' });
  const sentence = `Published while the site was down (${Date.now()}).`;
  await cached(request, PAGE);

  // Through the approval gate: the editor's text, submitted, approved by the physician.
  await editDraft(editor, FAQ, faq.documentId, 'en', (doc) => ({ ...doc, answer: `${doc.answer} ${sentence}` }));
  await submit(editor, FAQ, faq.documentId, 'en');
  await approve(physician, FAQ, faq.documentId, 'en');

  await site('stop');
  await publish(physician, FAQ, faq.documentId, 'en');
  // The CMS's attempts find nobody, long enough for its wait between them to reach the cap (1, 2, 4, then 5 s).
  await new Promise((r) => setTimeout(r, 12_000));
  await site('start');
  const back = Date.now();

  await expect
    .poll(async () => (await (await request.get(PAGE)).text()).includes(sentence), { timeout: 20_000, intervals: [250], message: `${PAGE} shows the text published while the site was down` })
    .toBe(true);
  const seconds = (Date.now() - back) / 1000;
  test.info().annotations.push({ type: 'fresh after the site was back', description: `${seconds.toFixed(1)} s` });
  // The CMS retries after 1, 2, 4, then every 5 seconds: the page is fresh at the next attempt after the return (at most 5 s, plus the 2 s sweep and a render).
  expect(seconds).toBeLessThan(10);
});
