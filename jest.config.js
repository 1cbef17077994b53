/** Jest runs TypeScript through swc (fast, no type-check: `tsc --build` does that). */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // jose ships ESM only; let swc turn it into CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleNameMapper: {
    '^@tayari/shared/(.*)$': '<rootDir>/shared/$1',
    '^@tayari/projections/(.*)$': '<rootDir>/projections/$1',
    '^@tayari/(api|live|web|app)/(.*)$': '<rootDir>/services/$1/$2',
  },
  testMatch: ['**/*.test.ts'],
  // The fault suite runs on its own, in band (npm run test:faults): it measures latency and memory.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/test/faults/'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
  testTimeout: 30000,
};
