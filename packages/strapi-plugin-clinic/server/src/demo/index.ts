import type { Core } from '@strapi/strapi';
import { ensureDemoAdmin } from './demo-accounts';
import { seedDemoContent } from './seed-demo';

/** What `pnpm start` runs before serving: accounts first, then the content. */
export async function ensureDemoAccounts(strapi: Core.Strapi, options: { password: string }): Promise<void> {
  await ensureDemoAdmin(strapi, options.password);
}

export async function seedDemo(strapi: Core.Strapi, options: { password: string }): Promise<void> {
  await ensureDemoAccounts(strapi, options);
  await seedDemoContent(strapi);
}
