import type { Core } from '@strapi/strapi';

export function registerGraphqlExtension(strapi: Core.Strapi): void {
  void strapi;
}
