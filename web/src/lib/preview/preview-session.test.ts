import { signPreviewSession } from 'clinic-domain';

/**
 * A stolen or forwarded draft-mode cookie (one value per build, never expiring) opens no
 * drafts: only draft mode together with a valid signed preview session does.
 */
const jar = new Map<string, string>();
let draftModeOn = false;
jest.mock('next/headers', () => ({
  draftMode: async () => ({ isEnabled: draftModeOn }),
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
}));

import { previewIsOpen, PREVIEW_SESSION_COOKIE } from './preview-session';

const secret = 'a-preview-secret-of-enough-length-0123456789';

beforeEach(() => {
  jar.clear();
  draftModeOn = false;
  process.env.PREVIEW_SECRET = secret;
});

describe('previewIsOpen', () => {
  it('is open with draft mode and a valid session', async () => {
    draftModeOn = true;
    jar.set(PREVIEW_SESSION_COOKIE, signPreviewSession({ secret, nowSeconds: Date.now() / 1000 }));
    expect(await previewIsOpen()).toBe(true);
  });

  it('is closed with the draft-mode cookie alone, or a forged, foreign or ended session', async () => {
    draftModeOn = true;
    expect(await previewIsOpen()).toBe(false);
    for (const token of ['garbage', signPreviewSession({ secret: `${secret}-other`, nowSeconds: Date.now() / 1000 }), signPreviewSession({ secret, nowSeconds: Date.now() / 1000 - 31 * 60 })]) {
      jar.set(PREVIEW_SESSION_COOKIE, token);
      expect(await previewIsOpen()).toBe(false);
    }
  });

  it('is closed without draft mode, whatever the cookies', async () => {
    jar.set(PREVIEW_SESSION_COOKIE, signPreviewSession({ secret, nowSeconds: Date.now() / 1000 }));
    expect(await previewIsOpen()).toBe(false);
  });

  it('is closed when the site has no preview secret', async () => {
    draftModeOn = true;
    jar.set(PREVIEW_SESSION_COOKIE, signPreviewSession({ secret, nowSeconds: Date.now() / 1000 }));
    delete process.env.PREVIEW_SECRET;
    expect(await previewIsOpen()).toBe(false);
  });
});
