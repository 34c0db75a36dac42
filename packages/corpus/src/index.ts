/** @shiryo/corpus — documents with known truth, generated along the axes real reports vary on; scored per axis. */
export * from './axes.js';
export * from './catalog.js';
export * from './cities.js';
export * from './doc.js';
export * from './generate.js';
export { HELDOUT_COMBOS } from './heldout/combos.js';
export * from './rng.js';
export * from './runner.js';
export * from './types.js';
