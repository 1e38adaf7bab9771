import { UnavailableError } from '../../src/storage/errors.js';
import { registerStandIn } from '../../test/elements/stand-in-stores.js';

// Stand-in stores for stories, registered under their own `store` value so no story touches IndexedDB or a server.

const never = () => new Promise<never>(() => {});
const unavailable = () => Promise.reject(new UnavailableError());

/** Never answers: the loading state. */
export const LOADING_STORE = registerStandIn('story-loading', () => ({ list: never, get: never }));

/** Always fails: the error state. */
export const FAILING_STORE = registerStandIn('story-failing', () => ({ list: unavailable, get: unavailable }));

/** Works, but says the device is offline (writes queued until the network is back). */
export const OFFLINE_STORE = registerStandIn('story-offline', () => ({}), { persistent: true, online: false, reason: 'offline' });

/** Works, but IndexedDB could not open: what is added is lost on reload. */
export const FALLBACK_STORE = registerStandIn('story-fallback', () => ({}), { persistent: false, online: true, reason: 'open-failed' });
