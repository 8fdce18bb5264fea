import nx from '@nx/eslint-plugin';

const boundaries = (domainImports) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
    depConstraints: [
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:contract', 'type:migrations'] },
      { sourceTag: 'type:migrations', onlyDependOnLibsWithTags: ['type:domain'] },
      { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'type:contract', onlyDependOnLibsWithTags: ['type:domain'], allowedExternalImports: [] },
      { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [], allowedExternalImports: domainImports },
      {
        sourceTag: 'scope:web',
        bannedExternalImports: ['@nestjs/*', '@fastify/*', 'fastify', 'typeorm', 'pg', 'argon2', 'class-validator', 'class-transformer'],
      },
    ],
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/out-tsc', '**/node_modules', 'test/artifacts'] },
  {
    files: ['**/*.ts', '**/*.js'],
    rules: {
      // The map of the code: apps use libs; the contract may name domain types; the domain
      // stands alone and may import only decimal.js; the web never imports server packages.
      '@nx/enforce-module-boundaries': boundaries(['decimal.js']),
    },
  },
  {
    // the property tests' generators are a test-only dependency: the domain's own code still imports decimal.js only
    files: ['**/*.spec.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(['decimal.js', 'fast-check']) },
  },
  {
    files: ['**/*.ts'],
    ignores: ['**/jest.config.ts', '**/*.cts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
];
