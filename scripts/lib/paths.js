/** Where the sources are and where `nest build` puts the compiled code. */
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');

module.exports = {
  ROOT,
  DIST,
  entry: (app) => path.join(DIST, 'apps', app, 'src', 'main.js'),
  compiled: (...segments) => path.join(DIST, ...segments),
};
