export type * from './store.js';
export * from './errors.js';
export { ValidationError } from './validation-error.js';
export { createMemoryStore } from './memory.js';
export { createIdbStore, type IdbStoreOptions } from './idb.js';
export { LazyStore } from './lazy.js';
export { importCommons, importIcs } from './import.js';
export { createHttpStore, canEdit, HttpStore, type HttpStoreOptions } from './http.js';
export { matchesQuery } from './list-query.js';
