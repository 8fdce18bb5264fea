module.exports = {
  displayName: 'web',
  preset: '../../jest.preset.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../coverage/apps/web',
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      {
        tsconfig: '<rootDir>/tsconfig.spec.json',
        stringifyContentPathRegex: '\\.(html|svg)$',
      },
    ],
  },
  // echarts and zrender ship ES modules
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|echarts|zrender|ngx-echarts))'],
  moduleNameMapper: {
    '^@pm/domain$': '<rootDir>/../../libs/domain/src/index.ts',
    '^@pm/api-contract$': '<rootDir>/../../libs/api-contract/src/index.ts',
  },
  snapshotSerializers: [
    'jest-preset-angular/build/serializers/no-ng-attributes',
    'jest-preset-angular/build/serializers/ng-snapshot',
    'jest-preset-angular/build/serializers/html-comment',
  ]
};
