import type { Place } from './records.js';

/** A link that opens the place on OpenStreetMap, marked and zoomed to the street; none without coordinates. Only a link: no tiles are loaded. */
export function openStreetMapUrl({ latitude, longitude }: Pick<Place, 'latitude' | 'longitude'>): string | undefined {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return undefined;
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`;
}
