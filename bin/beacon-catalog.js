#!/usr/bin/env node

// The CLI as emitted by the build (`npm ci` runs it as `prepare`; `npm run build` again after edits).
require('../dist/cli/main.js');
