import register from './register';
import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import { controllers, routes, services } from './content-api';

const plugin: Record<string, unknown> = {
  register,
  bootstrap,
  config,
  contentTypes,
  controllers,
  services,
  routes,
};

export default plugin;
