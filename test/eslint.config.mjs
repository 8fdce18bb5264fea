import baseConfig from '../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // End-to-end tests boot the API from its source on purpose.
    files: ['**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
];
