/**
 * The fault suite on its own (`npm run test:faults`): the repository's jest set-up, only the files
 * under test/faults (which the root config leaves out of `npm test`), a longer timeout. Run it in
 * band: slowClients measures delivery latency and memory, which other files running alongside
 * would disturb. concurrentWriters runs the compiled service: build first.
 */
const base = require('../../jest.config.js');

module.exports = {
  ...base,
  rootDir: '../..',
  testMatch: ['<rootDir>/test/faults/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60_000,
};
