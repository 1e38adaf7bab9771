// Type checked by `npm run typecheck`, never run: the React 19 typings of the four tags ('off-layer/react').
import { useRef } from 'react';
import type {} from '../../src/react.js';
import type { OffContributeForm } from '../../src/elements/off-contribute-form/off-contribute-form.js';
import type { OffContributedEvent } from '../../src/elements/shared/events.js';
import type { Seed, SideEvent } from '../../src/model/records.js';

declare const aSeed: Seed;

export function ValidProps() {
  const form = useRef<OffContributeForm>(null);
  return (
    <div>
      <off-event-badge key="badge" event="g21" href="https://example.org/off/" label="#OFF" store="memory" lang="fr" />
      <off-side-event-board
        event="g21"
        store="https://example.org/api"
        lang="en"
        theme="dark"
        className="board"
        style={{ marginBlock: '1rem' }}
        slot="main"
        aria-label="Side events"
        hidden={false}
        onoff-filter-change={(event) => event.detail.count.toFixed()}
      />
      <off-seed-card seed={aSeed} replant-event="g22" heading-level={2} onoff-replanted={(event) => event.detail.from.id} />
      <off-seed-card seed="a-seed-id" />
      <off-seed-browser event="g22" label="The commons" heading-level={2} onoff-replanted={(event) => event.detail.record.replantedFrom} />
      <off-contribute-form
        ref={form}
        event="g21"
        kind="side-event"
        time-zone="Europe/Paris"
        onoff-contributed={(event) => {
          const contributed: OffContributedEvent = event;
          const record: SideEvent | Seed = event.detail.record;
          return [contributed, record.title];
        }}
        onClick={(event) => event.currentTarget.event}
      >
        <p slot="intro">Add yours</p>
      </off-contribute-form>
    </div>
  );
}

export function WrongProps() {
  return (
    <>
      {/* @ts-expect-error: kind is 'side-event' or 'seed' */}
      <off-contribute-form kind="bogus" />
      {/* @ts-expect-error: not an attribute of the board */}
      <off-side-event-board bogus="yes" />
      {/* @ts-expect-error: the handler receives an OffFilterChangeEvent, which has no record */}
      <off-side-event-board onoff-filter-change={(event) => event.detail.record} />
      {/* @ts-expect-error: the ref is the element's own class */}
      <off-seed-card ref={useRef<OffContributeForm>(null)} />
      {/* @ts-expect-error: a seed is a record or its id */}
      <off-seed-card seed={42} />
    </>
  );
}
