import { expect } from '@open-wc/testing';
import { Backoff } from '../../src/storage/backoff.js';

describe('backoff', () => {
  it('waits at least as long as a Retry-After asked, even with a shorter attempt already scheduled', async () => {
    const attempts: number[] = [];
    const backoff = new Backoff(() => attempts.push(performance.now()), 50);
    const start = performance.now();
    backoff.schedule();
    backoff.schedule(600);
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(attempts).to.have.length(1);
    expect(attempts[0] - start).to.be.at.least(600);
    backoff.reset();
  });

  it('keeps an attempt already scheduled later than asked', async () => {
    const attempts: number[] = [];
    const backoff = new Backoff(() => attempts.push(performance.now()), 50);
    const start = performance.now();
    backoff.schedule(400);
    backoff.schedule(0);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(attempts).to.have.length(1);
    expect(attempts[0] - start).to.be.at.least(400);
    backoff.reset();
  });
});
