export * from './model/index.js';
export * from './storage/index.js';
export { OffEventBadge } from './elements/off-event-badge/off-event-badge.js';
export { OffSeedCard } from './elements/off-seed-card/off-seed-card.js';
export { OffContributeForm } from './elements/off-contribute-form/off-contribute-form.js';
export { OffSideEventBoard } from './elements/off-side-event-board/off-side-event-board.js';
export { OffEvent, OffContributedEvent, OffReplantedEvent, OffFilterChangeEvent } from './elements/shared/events.js';
export { storeFor, registerStore } from './elements/shared/store-registry.js';
export type { OffIntrinsicElements } from './jsx.js';
