#!/usr/bin/env node
'use strict';
// Runs the TypeScript CLI through tsx (a runtime dependency): no build step after `npm ci`.
require('tsx/cjs');
require('../src/cli/main.ts');
