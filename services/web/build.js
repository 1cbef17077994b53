// Bundles the readiness page (services/web/page) into services/web/dist/public with esbuild.
// Filled in with the page; until then it makes the folder so that the service can serve it.
const { mkdirSync } = require('node:fs');
const { join } = require('node:path');
mkdirSync(join(__dirname, 'dist', 'public'), { recursive: true });
