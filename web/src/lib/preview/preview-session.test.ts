import { signPreviewSession } from 'clinic-domain';

/**
 * A stolen or forwarded draft-mode cookie (one value per build, never expiring) opens no
 * drafts: only draft mode together with a valid signed preview session does.
 */
const jar = new Map<string, string>();
let draftModeOn = false;
let pageHeader: string | null = null;
jest.mock('next/headers', () => ({
  draftMode: async () => ({ isEnabled: draftModeOn }),
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
  headers: async () => ({ get: (name: string) => (name === 'x-clinic-preview-page' ? pageHeader : null) }),
}));

import { previewIsOpen, PREVIEW_SESSION_COOKIE } from './preview-session';

const page = '/en/procedures/vertebroplasty-and-kyphoplasty';

const secret = 'a-preview-secret-of-enough-length-0123456789';

beforeEach(() => {
  jar.clear();
  draftModeOn = false;
  pageHeader = page;
  process.env.PREVIEW_SECRET = secret;
});

describe('previewIsOpen', () => {
  it('is open with draft mode and a valid session', async () => {
    draftModeOn = true;
    jar.set(PREVIEW_SESSION_COOKIE, signPreviewSession({ secret, nowSeconds: Date.now() / 1000, page }));
    expect(await previewIsOpen()).toBe(true);
  });

  it('is closed with the draft-mode cookie alone, or a forged, foreign or ended session', async () => {
    draftModeOn = true;
    expect(await previewIsOpen()).toBe(false);
    for (const token of ['garbage', signPreviewSession({ secret: `${secret}-other`, nowSeconds: Date.now() / 1000, page }), signPreviewSession({ secret, nowSeconds: Date.now() / 1000 - 31 * 60, page })]) {
      jar.set(PREVIEW_SESSION_COOKIE, token);
      expect(await previewIsOpen()).toBe(false);
    }
  });

  it('is closed on any page but the one the session was opened for, and when the proxy named no page', async () => {
    draftModeOn = true;
    jar.set(PREVIEW_SESSION_COOKIE, signPreviewSession({ secret, nowSeconds: Date.now() / 1000, page }));
    for (const other of ['/en/providers/maria-delgado', '/es/procedures/vertebroplastia-y-cifoplastia', '/en/faq', null]) {
      pageHeader = other;
      expect(await previewIsOpen()).toBe(false);
    }
  });

  it('is closed without draft mode, whatever the cookies', async () => {
    jar.set(PREVIEW_SESSION_COOKIE, signPreviewSession({ secret, nowSeconds: Date.now() / 1000, page }));
    expect(await previewIsOpen()).toBe(false);
  });

  it('is closed when the site has no preview secret', async () => {
    draftModeOn = true;
    jar.set(PREVIEW_SESSION_COOKIE, signPreviewSession({ secret, nowSeconds: Date.now() / 1000, page }));
    delete process.env.PREVIEW_SECRET;
    expect(await previewIsOpen()).toBe(false);
  });
});
