/** Valid inputs that tests vary one field at a time. */
export function sideEventInput(overrides: Record<string, unknown> = {}) {
  return {
    event: 'g21',
    title: 'Breakfast of the commons',
    description: 'Coffee and the manifesto, read aloud.',
    start: '2026-06-12T08:30:00+02:00',
    end: '2026-06-12T09:30:00+02:00',
    place: 'Café du Port, Marseille',
    url: 'https://example.org/breakfast',
    organizer: 'Les Communs',
    tags: ['commons', 'breakfast'],
    ...overrides,
  };
}

export function seedInput(overrides: Record<string, unknown> = {}) {
  return {
    event: 'g21',
    title: 'How we ran an open-door workshop',
    body: 'Doors open, chairs in a circle, one question on the wall.\nEveryone speaks once before anyone speaks twice.',
    author: 'Camille',
    license: 'CC-BY-4.0',
    sourceUrl: 'https://example.org/notes',
    tags: ['facilitation'],
    ...overrides,
  };
}

/** A whole side event as a server holds it (id and stamps included), `overrides` applied: `undefined` deletes a field. */
export function storedSideEvent(overrides: Record<string, unknown>): Record<string, unknown> {
  const record: Record<string, unknown> = {
    ...sideEventInput(),
    id: crypto.randomUUID(),
    createdAt: '2026-05-01T10:00:00.000Z',
    updatedAt: '2026-05-01T10:00:00.000Z',
    ...overrides,
  };
  for (const [field, value] of Object.entries(record)) if (value === undefined) delete record[field];
  return record;
}

let counter = 0;
/** A name no other test uses, so stores never see each other's records. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now()}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Waits until `condition` holds, checking every 50 ms; fails saying `what` was awaited. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function hostEventInput(overrides: Record<string, unknown> = {}) {
  return {
    id: uniqueName('summit'),
    name: 'Summit of the commons 2026',
    start: '2026-06-12T09:00:00+02:00',
    end: '2026-06-14T18:00:00+02:00',
    url: 'https://example.org/summit',
    description: 'Three days on the harbour.',
    ...overrides,
  };
}

export function placeInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Café du Port',
    address: '1 quai du Port, 13002 Marseille',
    latitude: 43.2965,
    longitude: 5.3698,
    url: 'https://example.org/cafe',
    ...overrides,
  };
}

export function organizerInput(overrides: Record<string, unknown> = {}) {
  return { name: 'Les Communs', url: 'https://example.org/communs', description: 'A collective of neighbours.', ...overrides };
}

/** Makes every IndexedDB write fail as on a full disk, until the returned function is called. */
export function fillTheDisk(): () => void {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return () => {
    IDBObjectStore.prototype.put = put;
  };
}
