// A feed server on loopback for the subscription tests: it serves whatever the test sets, with an ETag, and can
// answer slowly, go away and come back on the same port.
import { createServer, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export class FeedServer {
  /** Requests received, and those answered 304 because If-None-Match matched. */
  requests = 0;
  notModified = 0;
  delayMs = 0;
  private body = '';
  private server?: Server;
  private port = 0;

  /** Sets what the feed serves from now on. */
  serve(body: string): void {
    this.body = body;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/calendar.ics`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.requests += 1;
      const tag = `"${createHash('sha256').update(this.body).digest('hex').slice(0, 16)}"`;
      setTimeout(() => {
        if (request.headers['if-none-match'] === tag) {
          this.notModified += 1;
          response.writeHead(304, { ETag: tag }).end();
          return;
        }
        response.writeHead(200, { 'Content-Type': 'text/calendar; charset=utf-8', ETag: tag }).end(this.body);
      }, this.delayMs);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Unreachable from now on (connection refused), until started again on the same port. */
  async stop(): Promise<void> {
    await new Promise((resolve) => {
      this.server?.close(resolve);
      this.server?.closeAllConnections();
    });
  }
}

/** A VEVENT, as lines; `fields` like { SUMMARY: 'Apéro', 'DTSTART;TZID=Europe/Paris': '20260612T183000' }. */
export function vevent(fields: Record<string, string>): string[] {
  return ['BEGIN:VEVENT', 'DTSTAMP:20260101T000000Z', ...Object.entries(fields).map(([name, value]) => `${name}:${value}`), 'END:VEVENT'];
}

export function calendar(...events: string[][]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//off-layer tests//EN', ...events.flat(), 'END:VCALENDAR', ''].join('\r\n');
}

/** A date-time in iCalendar's UTC form, `days` from now at 18:00 UTC. */
export function daysAhead(days: number, hour = 18): string {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
}
