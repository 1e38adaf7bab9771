import { expect } from '@open-wc/testing';
import { escapeText, foldLine, toIcs, toIcsUtc } from '../../src/model/ics.js';
import type { SideEvent } from '../../src/model/records.js';

const sideEvent: SideEvent = {
  id: '0b6a4f7e-0000-4000-8000-000000000001',
  event: 'g21',
  title: 'Apéro; commons, and \\ slashes',
  description: 'Line one\nLine two',
  start: '2026-06-12T18:30:00+02:00',
  end: '2026-06-12T20:00:00+02:00',
  place: 'Quai 4, Marseille',
  url: 'https://example.org/apero',
  tags: ['apéro', 'commons'],
  createdAt: '2026-05-01T10:00:00.000Z',
  updatedAt: '2026-05-02T10:00:00.000Z',
};

describe('ics export', () => {
  it('writes UTC times without separators', () => {
    expect(toIcsUtc('2026-06-12T18:30:00+02:00')).to.equal('20260612T163000Z');
  });

  it('escapes TEXT values', () => {
    expect(escapeText('a;b,c\\d\ne')).to.equal('a\\;b\\,c\\\\d\\ne');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(60)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).to.be.greaterThan(1);
    for (const line of lines) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
    expect(lines.map((line, index) => (index ? line.slice(1) : line)).join('')).to.equal(`SUMMARY:${'é'.repeat(60)}`);
  });

  it('writes a calendar with CRLF line ends and one VEVENT per side event', () => {
    const ics = toIcs([sideEvent], { name: '#OFF g21', now: new Date('2026-06-01T00:00:00Z') });
    expect(ics.endsWith('\r\n')).to.equal(true);
    expect(ics.replace(/\r\n/g, '').includes('\n')).to.equal(false);
    const lines = ics.split('\r\n');
    expect(lines.slice(0, 2)).to.deep.equal(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(lines).to.include.members([
      'UID:0b6a4f7e-0000-4000-8000-000000000001@off-layer',
      'DTSTAMP:20260601T000000Z',
      'DTSTART:20260612T163000Z',
      'DTEND:20260612T180000Z',
      'SUMMARY:Apéro\\; commons\\, and \\\\ slashes',
      'DESCRIPTION:Line one\\nLine two',
      'LOCATION:Quai 4\\, Marseille',
      'CATEGORIES:apéro,commons',
      'X-WR-CALNAME:#OFF g21',
      'END:VCALENDAR',
    ]);
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).to.have.length(1);
  });
});
