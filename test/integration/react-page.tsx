// The README's React 19 snippet with the sources' define modules, on the page's memory store, and a
// recorder instead of console.log; then the props the snippet does not show (a property, a ref).
import type { Ref } from 'react';
import '../../src/elements/off-side-event-board/define.js';
import '../../src/elements/off-contribute-form/define.js';
import '../../src/elements/off-seed-card/define.js';
import type { OffSeedCard } from '../../src/elements/off-seed-card/off-seed-card.js';
import type { OffRecord, Seed } from '../../src/model/records.js';
import type {} from '../../src/react.js';

export function OffPage({ onRecord }: { onRecord: (record: OffRecord) => void }) {
  return (
    <>
      <off-side-event-board event="g21" store="memory" lang="en" />
      <off-contribute-form event="g21" store="memory" lang="en" time-zone="Europe/Paris" min-fill-ms={0} onoff-contributed={(event) => onRecord(event.detail.record)} />
    </>
  );
}

export function SeedCard({ seed, cardRef }: { seed: Seed | string; cardRef?: Ref<OffSeedCard> }) {
  return <off-seed-card ref={cardRef} seed={seed} store="memory" lang="en" className="featured" />;
}
