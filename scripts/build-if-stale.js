#!/usr/bin/env node
'use strict';
// `npm start` and `npm test` run this first: it compiles src/ to dist/ (tsc -p tsconfig.build.json)
// unless dist/ is newer than every source file, so the emitted JavaScript never lags the code.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const stamp = path.join(root, 'dist', 'main.js');

function newestIn(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const sources = Math.max(
  newestIn(path.join(root, 'src')),
  ...['tsconfig.json', 'tsconfig.build.json'].map((f) => fs.statSync(path.join(root, f)).mtimeMs),
);
const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
if (built < sources) {
  fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  const tsc = spawnSync(
    process.execPath,
    [
      path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc'),
      '-p',
      path.join(root, 'tsconfig.build.json'),
    ],
    { stdio: 'inherit' },
  );
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  // tsc may keep an unchanged file's old time: the stamp says when this build happened.
  const now = new Date();
  fs.utimesSync(stamp, now, now);
}
