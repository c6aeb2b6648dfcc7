import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * The `tel:` URI (RFC 3966) that dials the clinic's free-text phone, its extension as `;ext=`,
 * or null when the text is not a valid phone number (then the site shows the text without a link).
 * Digits alone are not enough: "+1 262-555-0142 ext. 3" stripped to digits dials a wrong number.
 * A number without a country code is only understood with `defaultCountry`.
 */
export function telHref(phone: string, defaultCountry?: CountryCode): string | null {
  const number = parsePhoneNumberFromString(phone, defaultCountry);
  return number?.isValid() ? number.getURI() : null;
}
