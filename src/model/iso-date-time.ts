const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** True for an ISO 8601 date-time with an explicit offset that names a real instant ("2026-02-30" is not one). */
export function isIsoDateTimeWithOffset(value: string): boolean {
  const match = ISO_WITH_OFFSET.exec(value);
  if (!match) return false;
  const [, year, month, day, hour, minute, second = '0', , offsetHours = '0', offsetMinutes = '0'] = match;
  const calendar = new Date(Date.UTC(+year, +month - 1, +day, +hour, +minute, +second));
  return (
    calendar.getUTCFullYear() === +year &&
    calendar.getUTCMonth() === +month - 1 &&
    calendar.getUTCDate() === +day &&
    calendar.getUTCHours() === +hour &&
    calendar.getUTCMinutes() === +minute &&
    +offsetHours <= 14 &&
    +offsetMinutes < 60
  );
}

export function toEpoch(iso: string): number {
  return Date.parse(iso);
}
