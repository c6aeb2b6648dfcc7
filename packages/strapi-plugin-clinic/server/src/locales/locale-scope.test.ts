import { localeScope } from './locale-scope';

describe('the locales an action names', () => {
  it('one, a list, every one, or the default when none is given', () => {
    expect(localeScope('es', true)).toEqual({ kind: 'some', locales: ['es'] });
    expect(localeScope(['en', 'es', 'en', '', 3], true)).toEqual({ kind: 'some', locales: ['en', 'es'] });
    expect(localeScope('*', true)).toEqual({ kind: 'all' });
    for (const none of [undefined, null, '']) expect(localeScope(none, true)).toEqual({ kind: 'default' });
  });

  it('a type without i18n has one version whatever the parameter says', () => {
    expect(localeScope('es', false)).toEqual({ kind: 'all' });
    expect(localeScope(undefined, false)).toEqual({ kind: 'all' });
  });
});
