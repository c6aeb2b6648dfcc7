import { telHref } from './tel-href';

describe('telHref', () => {
  it('dials international numbers, whatever their punctuation', () => {
    expect(telHref('+1 (262) 555-0142')).toBe('tel:+12625550142');
    expect(telHref('+1 262.555.0142')).toBe('tel:+12625550142');
    expect(telHref('+34 912 34 56 78')).toBe('tel:+34912345678');
  });

  it('keeps an extension as ;ext= instead of gluing its digits to the number', () => {
    expect(telHref('+1 262-555-0142 ext. 3')).toBe('tel:+12625550142;ext=3');
    expect(telHref('+1 262 555 0142 x12')).toBe('tel:+12625550142;ext=12');
  });

  it('understands a national number only with a default country', () => {
    expect(telHref('(262) 555-0142')).toBeNull();
    expect(telHref('(262) 555-0142', 'US')).toBe('tel:+12625550142');
  });

  it('gives no link for text that is not a phone number', () => {
    for (const text of ['call the front desk', 'javascript:alert(7)', '', '12', '+1 800 FLOWERS', '+1 262-555']) {
      expect(telHref(text)).toBeNull();
    }
  });
});
