/** The fields of the "new place" fieldset, named `newPlace.<field of the place record>`. */
export const NEW_PLACE_FIELDS = ['newPlace.name', 'newPlace.address', 'newPlace.latitude', 'newPlace.longitude', 'newPlace.url'] as const;
export type NewPlaceField = (typeof NEW_PLACE_FIELDS)[number];
