import otherName from './other-name.json';
import procedureSection from './procedure-section.json';
import procedureStep from './procedure-step.json';
import languageTagline from './language-tagline.json';

/**
 * Components live in the plugin with the content types that use them, so the model is
 * one package. Strapi only loads components from the app's folder, so `register` adds
 * these to the registry with the same shape its loader gives.
 */
export const COMPONENT_CATEGORY = 'clinic';

const definitions: Record<string, { collectionName: string; info: object; options: object; attributes: object }> = {
  'other-name': otherName,
  'procedure-section': procedureSection,
  'procedure-step': procedureStep,
  'language-tagline': languageTagline,
};

const pascal = (s: string) => s.replace(/(^|[-_.])(\w)/g, (_m, _sep, c: string) => c.toUpperCase());

export function componentRegistryEntries(): Record<string, object> {
  return Object.fromEntries(
    Object.entries(definitions).map(([name, schema]) => {
      const uid = `${COMPONENT_CATEGORY}.${name}`;
      return [
        uid,
        {
          ...schema,
          __schema__: JSON.parse(JSON.stringify(schema)),
          // The Content-Type Builder builds a file path for every component when it saves.
          __filename__: `${name}.json`,
          uid,
          category: COMPONENT_CATEGORY,
          modelType: 'component',
          modelName: name,
          globalId: `Component${pascal(uid)}`,
        },
      ];
    }),
  );
}
