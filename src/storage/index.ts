export type * from './store.js';
export * from './errors.js';
export { createMemoryStore } from './memory.js';
export { createIdbStore, type IdbStoreOptions } from './idb.js';
export { importCommons, importIcs } from './import.js';
