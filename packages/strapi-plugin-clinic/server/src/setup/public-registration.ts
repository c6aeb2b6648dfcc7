import type { Core } from '@strapi/strapi';

/** Set in our own store once registration has been closed, so it is closed only once. */
const CLOSED_KEY = 'public-registration-closed';

/**
 * Patients read; they never sign up. Users & Permissions opens public registration
 * (POST /api/auth/local/register) on a fresh database, which would hand anyone an API
 * account. It is closed on the first boot with this plugin; an administrator who opens it
 * again later on purpose (Settings → Advanced settings) keeps that choice.
 */
export async function closePublicRegistrationOnce(strapi: Core.Strapi): Promise<void> {
  if (!strapi.plugin('users-permissions')) return;
  const ours = strapi.store({ type: 'plugin', name: 'clinic' });
  if (await ours.get({ key: CLOSED_KEY })) return;
  const usersPermissions = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await usersPermissions.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  await usersPermissions.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
  await ours.set({ key: CLOSED_KEY, value: true });
}
