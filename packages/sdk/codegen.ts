import type { CodegenConfig } from '@graphql-codegen/cli';

// The SDK reads only the SDL (root schema.graphql) and its own operations: nothing from the server package.
const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents: ['src/operations/*.graphql'],
  ignoreNoDocuments: false,
  // Relative imports carry .js so the tsc build in dist/ runs on Node's ESM loader as it is.
  importExtension: '.js',
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        skipTypename: true,
        dedupeFragments: true,
        documentMode: 'documentNode',
        scalars: { ID: 'string' },
      },
    },
  },
};

export default config;
