// The rule lives in the domain, where the CMS checks the same numbers when they are saved.
export { telUri as telHref } from 'clinic-domain';
