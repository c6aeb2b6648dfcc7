import { errors } from '@strapi/utils';
import { checkPatientPhone } from 'clinic-domain';

/** The phones patients see, each with whether it may be left empty. */
const PATIENT_PHONES: Record<string, { field: string; optional: boolean }> = {
  'plugin::clinic.clinic': { field: 'phone', optional: false },
  'plugin::clinic.rebrand-notice': { field: 'phone', optional: true },
};

/**
 * A phone shown to patients is checked on every write path (admin, API, code): a number they
 * can dial from the page, with its country code. A refusal is a 400 that says how to write it;
 * a save that does not carry the field is not judged (Strapi keeps the stored value).
 */
export function patientPhoneMiddleware() {
  return async (ctx: { uid: string; action: string; params: any }, next: () => Promise<unknown>) => {
    const phone = PATIENT_PHONES[ctx.uid];
    if (!phone || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    const data = ctx.params?.data;
    if (!data || typeof data !== 'object' || !(phone.field in data)) return next();
    const value = data[phone.field];
    if (phone.optional && (value === null || value === undefined || value === '')) return next();

    const check = checkPatientPhone(value);
    if (!check.valid) {
      throw new errors.ValidationError(check.message, { errors: [{ path: [phone.field], message: check.message, name: 'ValidationError' }] });
    }
    data[phone.field] = value.trim();
    return next();
  };
}
