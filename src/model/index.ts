export * from './records.js';
export * from './lang.js';
export * from './messages.js';
export * from './validate.js';
export * from './stamp.js';
export * from './sort.js';
export { isIsoDateTimeWithOffset } from './time.js';
export { newId, isSafeId } from './ids.js';
export * from './ics.js';
