import { expect } from '@open-wc/testing';
import { localToIso } from '../../src/model/local-time.js';
import { isIsoDateTimeWithOffset } from '../../src/model/iso-date-time.js';

describe('localToIso', () => {
  it('adds the offset of the given zone at that date (summer and winter time)', () => {
    expect(localToIso('2026-06-12T08:30', 'Europe/Paris')).to.equal('2026-06-12T08:30:00+02:00');
    expect(localToIso('2026-12-12T08:30', 'Europe/Paris')).to.equal('2026-12-12T08:30:00+01:00');
    expect(localToIso('2026-06-12T08:30', 'America/New_York')).to.equal('2026-06-12T08:30:00-04:00');
  });

  it('keeps half-hour offsets, UTC and seconds', () => {
    expect(localToIso('2026-01-05T23:59', 'Asia/Kolkata')).to.equal('2026-01-05T23:59:00+05:30');
    expect(localToIso('2026-01-05T10:00:15', 'UTC')).to.equal('2026-01-05T10:00:15+00:00');
  });

  it('takes the first of a time that happens twice when clocks go back', () => {
    expect(localToIso('2026-10-25T02:30', 'Europe/Paris')).to.equal('2026-10-25T02:30:00+02:00');
  });

  it('moves a time skipped when clocks go forward past the gap', () => {
    expect(localToIso('2026-03-29T02:30', 'Europe/Paris')).to.equal('2026-03-29T03:30:00+02:00');
  });

  it('uses the browser offset at that date when no known zone is given', () => {
    const local = new Date(2026, 5, 12, 8, 30);
    const offset = -local.getTimezoneOffset();
    const sign = offset < 0 ? '-' : '+';
    const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
    const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
    const expected = `2026-06-12T08:30:00${sign}${hours}:${minutes}`;
    expect(localToIso('2026-06-12T08:30')).to.equal(expected);
    expect(localToIso('2026-06-12T08:30', 'Not/AZone')).to.equal(expected);
    expect(Date.parse(localToIso('2026-06-12T08:30'))).to.equal(local.getTime());
  });

  it('gives a value the model accepts, and an empty string for what is not a date and time', () => {
    expect(isIsoDateTimeWithOffset(localToIso('2026-06-12T08:30', 'Pacific/Auckland'))).to.equal(true);
    expect(localToIso('')).to.equal('');
    expect(localToIso('2026-02-30T10:00')).to.equal('');
    expect(localToIso('tomorrow at ten')).to.equal('');
  });
});
