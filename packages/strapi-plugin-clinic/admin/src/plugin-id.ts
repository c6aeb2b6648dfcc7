export const PLUGIN_ID = 'clinic';
export const REVIEWABLE_MODELS: Record<string, 'procedure' | 'faq' | 'provider'> = {
  'plugin::clinic.procedure': 'procedure',
  'plugin::clinic.faq': 'faq',
  'plugin::clinic.provider': 'provider',
};
export const t = (id: string) => `${PLUGIN_ID}.${id}`;
