import type { Core } from '@strapi/strapi';
import { ensureDemoAdmins } from './demo-accounts';
import { seedDemoContent } from './seed-demo';

/**
 * The demo clinic: its accounts, content and review history. It belongs to this app, not to
 * the clinic plugin (a clinic installing the plugin starts empty), and it writes only through
 * the plugin's public services and the Document Service, as any app would.
 */
export async function ensureDemoAccounts(strapi: Core.Strapi, options: { password: string }) {
  return ensureDemoAdmins(strapi, options.password);
}

/** What `pnpm start` runs before serving: accounts first, then the content and its reviews. */
export async function seedDemo(strapi: Core.Strapi, options: { password: string }): Promise<void> {
  const accounts = await ensureDemoAccounts(strapi, options);
  await seedDemoContent(strapi, accounts);
}
