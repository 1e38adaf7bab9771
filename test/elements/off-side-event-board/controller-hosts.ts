import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SideEvent } from '../../../src/model/records.js';

/** A host that only counts the updates its controllers ask for, and lets a test disconnect them. */
export class CountingHost implements ReactiveControllerHost {
  updates = 0;
  readonly updateComplete = Promise.resolve(true);
  private readonly controllers: ReactiveController[] = [];

  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }

  removeController(): void {}

  requestUpdate(): void {
    this.updates += 1;
  }

  disconnect(): void {
    this.controllers.forEach((controller) => controller.hostDisconnected?.());
  }
}

/** A side event with only what the board's controllers read. */
export function record(id: string, fields: Partial<SideEvent> = {}): SideEvent {
  return {
    id,
    event: 'unit',
    title: `Side event ${id}`,
    start: '2037-06-12T09:00:00+02:00',
    tags: [],
    createdAt: '2037-01-01T00:00:00Z',
    updatedAt: '2037-01-01T00:00:00Z',
    ...fields,
  };
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
