import en from '../../messages/en.json';
import es from '../../messages/es.json';
import { loadMessages } from './messages';

describe('interface strings', () => {
  it('are a locale’s own where it has a file', async () => {
    expect((await loadMessages('es')).Layout.skipToContent).toBe(es.Layout.skipToContent);
    expect(es.Layout.skipToContent).not.toBe(en.Layout.skipToContent);
  });

  it('are English for a locale added in the CMS without a file yet', async () => {
    expect(await loadMessages('fr')).toEqual(en);
  });
});
