import register from './register';
import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import { controllers, routes, services } from './content-api';
import { ensureDemoAccounts, seedDemo } from './demo';
import { setupService } from './setup';

const plugin: Record<string, unknown> = {
  register,
  bootstrap,
  config,
  contentTypes,
  controllers,
  services: { ...services, demo: () => ({ seed: seedDemo, ensureAccounts: ensureDemoAccounts }), setup: setupService },
  routes,
};

export default plugin;
