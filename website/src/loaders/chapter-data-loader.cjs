// The bundler loads loaders with require(); this shim compiles the TypeScript loader on the fly
// with jiti, the same tool Docusaurus uses to read docusaurus.config.ts.
'use strict';
const createJiti = require('jiti');
const load = createJiti(__filename, { interopDefault: true });
module.exports = load('./chapter-data-loader.ts');
