/**
 * Settings a save may carry but only some roles may change: the clinic's review rules and the
 * account that speaks for a physician (super admins), a page's review interval (physicians and
 * super admins). The admin form sends every field it shows back with each save, so a save that
 * repeats the stored value changes nothing and is allowed; one that changes it is refused with a
 * message, never silently dropped (the caller would believe it was saved).
 */

/** Who is saving, as far as protected settings go; anyone else is treated as an editor. */
export type SettingsRole = 'super-admin' | 'physician' | 'editor';

/** Fields only a super admin may change. */
// The default interval sets every page's next review date (and so whether it shows as overdue).
export const SUPER_ADMIN_SETTINGS = ['reviewerAccountId', 'allowSelfApproval', 'allowPeerBioApproval', 'showOverdueReviewNotice', 'readingLevelTarget', 'defaultReviewIntervalMonths'] as const;
/** Fields physicians (and super admins) may change: how often a page is reviewed sets the date patients read. */
export const PHYSICIAN_SETTINGS = ['reviewIntervalMonths'] as const;

/** The protected fields a role may not change (deny by default: an unknown role is an editor). */
export function settingsWithheldFrom(role: SettingsRole): string[] {
  if (role === 'super-admin') return [];
  if (role === 'physician') return [...SUPER_ADMIN_SETTINGS];
  return [...SUPER_ADMIN_SETTINGS, ...PHYSICIAN_SETTINGS];
}

/** The role that decides, from the admin's role codes. */
export function settingsRoleOf(roleCodes: readonly string[], codes: { superAdmin: string; physician: string }): SettingsRole {
  if (roleCodes.includes(codes.superAdmin)) return 'super-admin';
  if (roleCodes.includes(codes.physician)) return 'physician';
  return 'editor';
}

/** One stored value as a comparable one: '' and null are "no value", a numeric string its number. */
function comparable(value: unknown): unknown {
  if (value === null || value === '') return null;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  if (typeof value === 'string' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/**
 * The withheld fields a save would change. `sent` is the body of the save; a field it leaves out
 * changes nothing. `stored` is the current draft's values, or null for a new document, which is
 * compared with `defaults` (the values a new document gets without the field).
 */
export function changedSettings(input: { withheld: readonly string[]; sent: Record<string, unknown>; stored: Record<string, unknown> | null; defaults?: Record<string, unknown> }): string[] {
  const base = input.stored ?? input.defaults ?? {};
  return input.withheld.filter((field) => Object.prototype.hasOwnProperty.call(input.sent, field) && input.sent[field] !== undefined && comparable(input.sent[field]) !== comparable(base[field] ?? null));
}

/** The 403's message: which fields, who may change them, and how to save the rest. `workflowFields`: those no save may change, whoever sends it. */
export function settingsRefusal(changed: readonly string[], role: SettingsRole, workflowFields: readonly string[] = []): string | null {
  if (changed.length === 0) return null;
  const byWorkflow = changed.filter((field) => workflowFields.includes(field));
  if (byWorkflow.length) {
    const list = byWorkflow.map((field) => `"${field}"`).join(', ');
    return `${list} ${byWorkflow.length > 1 ? 'are' : 'is'} set by the medical review workflow (from the approval), never by a save, so nothing was saved. Leave ${byWorkflow.length > 1 ? 'these fields' : 'this field'} as stored (or out of the request) to save the rest.`;
  }
  const superOnly = changed.filter((field) => (SUPER_ADMIN_SETTINGS as readonly string[]).includes(field));
  const who = superOnly.length ? 'a super admin' : 'a physician or a super admin';
  const list = changed.map((field) => `"${field}"`).join(', ');
  const as = role === 'physician' ? 'a physician' : role === 'super-admin' ? 'a super admin' : 'an editor';
  return `Only ${who} can change ${list}; as ${as} you cannot, so nothing was saved. Leave ${changed.length > 1 ? 'these fields' : 'this field'} as stored (or out of the request) to save the rest.`;
}
