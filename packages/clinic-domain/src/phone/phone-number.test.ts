import { checkPatientPhone, telUri } from './phone-number';

describe('telUri', () => {
  it('dials international numbers, whatever their punctuation', () => {
    expect(telUri('+1 (262) 555-0142')).toBe('tel:+12625550142');
    expect(telUri('+1 262.555.0142')).toBe('tel:+12625550142');
    expect(telUri('+34 912 34 56 78')).toBe('tel:+34912345678');
  });

  it('keeps an extension as ;ext= instead of gluing its digits to the number', () => {
    expect(telUri('+1 262-555-0142 ext. 3')).toBe('tel:+12625550142;ext=3');
    expect(telUri('+1 262 555 0142 x12')).toBe('tel:+12625550142;ext=12');
  });

  it('understands a national number only with a default country', () => {
    expect(telUri('(262) 555-0142')).toBeNull();
    expect(telUri('(262) 555-0142', 'US')).toBe('tel:+12625550142');
  });

  it('gives no link for text that is not a phone number', () => {
    for (const text of ['call the front desk', 'javascript:alert(7)', '', '12', '+1 800 FLOWERS', '+1 262-555']) {
      expect(telUri(text)).toBeNull();
    }
  });
});

describe('checkPatientPhone', () => {
  it('accepts a number patients can dial from the page', () => {
    expect(checkPatientPhone('+1 262-555-0142')).toEqual({ valid: true });
    expect(checkPatientPhone('+1 262-555-0142 ext. 3')).toEqual({ valid: true });
  });

  it('refuses a number without its country code, text, and anything not a string, saying how to write it', () => {
    for (const phone of ['(262) 555-0142', 'call the front desk', '+1 262-555', '   ', null, 42, ['+1 262-555-0142']]) {
      const check = checkPatientPhone(phone);
      expect(check.valid).toBe(false);
      if (!check.valid) expect(check.message).toMatch(/required|country code/);
    }
  });
});
