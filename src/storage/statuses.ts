import type { StoreStatus } from './store.js';

/** Records kept on this device or a server that answers. */
export const PERSISTENT_ONLINE: StoreStatus = { persistent: true, online: true };

/** Records lost on reload. */
export const MEMORY_STATUS: StoreStatus = { persistent: false, online: true, reason: 'memory' };
