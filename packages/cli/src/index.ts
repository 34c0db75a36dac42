export { buildProgram, EXIT, run } from './main.js';
export { expandPaths, INGEST_EXTENSIONS } from './walk.js';
