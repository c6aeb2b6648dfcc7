import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents generated from the CMS's committed schema: no hand-written response types.
const config: CodegenConfig = {
  schema: '../cms/schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/lib/cms/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true, scalars: { DateTime: 'string', Date: 'string', JSON: 'unknown', I18NLocaleCode: 'string' } },
    },
  },
};

export default config;
