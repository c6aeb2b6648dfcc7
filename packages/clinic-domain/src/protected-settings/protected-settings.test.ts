import { changedSettings, PHYSICIAN_SETTINGS, settingsRefusal, settingsRoleOf, settingsWithheldFrom, SUPER_ADMIN_SETTINGS } from './protected-settings';

describe('who may change which protected setting', () => {
  it('withholds every protected field from editors, the super-admin ones from physicians, none from super admins', () => {
    expect(settingsWithheldFrom('editor')).toEqual([...SUPER_ADMIN_SETTINGS, ...PHYSICIAN_SETTINGS]);
    expect(settingsWithheldFrom('physician')).toEqual([...SUPER_ADMIN_SETTINGS]);
    expect(settingsWithheldFrom('super-admin')).toEqual([]);
  });

  it('reads the role from the role codes; anyone unknown is an editor', () => {
    const codes = { superAdmin: 'strapi-super-admin', physician: 'clinic-physician-reviewer' };
    expect(settingsRoleOf(['clinic-physician-reviewer', 'strapi-super-admin'], codes)).toBe('super-admin');
    expect(settingsRoleOf(['clinic-physician-reviewer'], codes)).toBe('physician');
    expect(settingsRoleOf(['strapi-author'], codes)).toBe('editor');
    expect(settingsRoleOf([], codes)).toBe('editor');
  });
});

describe('changedSettings', () => {
  const withheld = settingsWithheldFrom('editor');
  const stored = { readingLevelTarget: 8, showOverdueReviewNotice: false, reviewIntervalMonths: null, name: 'Clinic' };

  it('lets a save repeat the stored values (the admin form sends them back) or leave them out', () => {
    expect(changedSettings({ withheld, sent: { ...stored, name: 'New name' }, stored })).toEqual([]);
    expect(changedSettings({ withheld, sent: { name: 'New name' }, stored })).toEqual([]);
    expect(changedSettings({ withheld, sent: { readingLevelTarget: '8', reviewIntervalMonths: '', showOverdueReviewNotice: undefined }, stored })).toEqual([]);
  });

  it('names each protected field the save would change', () => {
    expect(changedSettings({ withheld, sent: { readingLevelTarget: 12, showOverdueReviewNotice: true, name: 'x' }, stored })).toEqual(['showOverdueReviewNotice', 'readingLevelTarget']);
    expect(changedSettings({ withheld, sent: { readingLevelTarget: null }, stored })).toEqual(['readingLevelTarget']);
    expect(changedSettings({ withheld, sent: { reviewIntervalMonths: 6 }, stored })).toEqual(['reviewIntervalMonths']);
    expect(changedSettings({ withheld: settingsWithheldFrom('physician'), sent: { reviewIntervalMonths: 6 }, stored })).toEqual([]);
  });

  it('compares a new document with the defaults it would get', () => {
    const defaults = { readingLevelTarget: 8, showOverdueReviewNotice: false };
    expect(changedSettings({ withheld, sent: { readingLevelTarget: 8, showOverdueReviewNotice: false, reviewerAccountId: null }, stored: null, defaults })).toEqual([]);
    expect(changedSettings({ withheld, sent: { reviewerAccountId: 3 }, stored: null, defaults })).toEqual(['reviewerAccountId']);
  });
});

describe('settingsRefusal', () => {
  it('says which fields, who may change them, and how to save the rest', () => {
    expect(settingsRefusal([], 'editor')).toBeNull();
    expect(settingsRefusal(['readingLevelTarget'], 'editor')).toMatch(/^Only a super admin can change "readingLevelTarget"; as an editor .* Leave this field as stored/);
    expect(settingsRefusal(['reviewIntervalMonths'], 'editor')).toMatch(/^Only a physician or a super admin can change "reviewIntervalMonths"/);
    expect(settingsRefusal(['allowSelfApproval', 'allowPeerBioApproval'], 'physician')).toMatch(/"allowSelfApproval", "allowPeerBioApproval"; as a physician .* these fields/);
  });
});

describe('fields only the review workflow writes', () => {
  const workflow = ['lastReviewedOn', 'nextReviewDue', 'translationOutOfDate'];
  it('are refused to every role, super admins included, with their own message', () => {
    const stored = { lastReviewedOn: '2026-04-25', translationOutOfDate: false };
    expect(changedSettings({ withheld: workflow, sent: { lastReviewedOn: '2026-04-25', translationOutOfDate: false }, stored })).toEqual([]);
    const changed = changedSettings({ withheld: workflow, sent: { lastReviewedOn: '2027-01-01', translationOutOfDate: false }, stored });
    expect(changed).toEqual(['lastReviewedOn']);
    expect(settingsRefusal(changed, 'super-admin', workflow)).toBe('"lastReviewedOn" is set by the medical review workflow (from the approval), never by a save, so nothing was saved. Leave this field as stored (or out of the request) to save the rest.');
  });
});
