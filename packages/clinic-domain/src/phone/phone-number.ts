import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * The `tel:` URI (RFC 3966) that dials a free-text phone, its extension as `;ext=`, or null
 * when the text is not a valid phone number (then the site shows the text without a link).
 * Digits alone are not enough: "+1 262-555-0142 ext. 3" stripped to digits dials a wrong number.
 * A number without a country code is only understood with `defaultCountry`.
 */
export function telUri(phone: string, defaultCountry?: CountryCode): string | null {
  const number = parsePhoneNumberFromString(phone, defaultCountry);
  return number?.isValid() ? number.getURI() : null;
}

export type PhoneCheck = { valid: true } | { valid: false; message: string };

/**
 * A phone the clinic shows patients must be one they can dial from the page: the site has no
 * country to assume, so it needs its country code. Checked when it is saved, so that a typo
 * is refused in the admin instead of silently losing the page's call link.
 */
export function checkPatientPhone(phone: unknown): PhoneCheck {
  if (typeof phone !== 'string' || phone.trim() === '') return { valid: false, message: 'A phone number is required.' };
  if (telUri(phone)) return { valid: true };
  return {
    valid: false,
    message: `"${phone.slice(0, 40)}" is not a phone number patients can dial: write it with its country code, e.g. +1 262-555-0142 (an extension as "ext. 3").`,
  };
}
