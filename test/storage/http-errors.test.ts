import { expect } from '@open-wc/testing';
import { NotFoundError, StorageError, UnavailableError } from '../../src/storage/errors.js';
import { ValidationError } from '../../src/storage/validation-error.js';
import { RateLimitedError } from '../../src/storage/errors.js';
import { toStorageError } from '../../src/storage/http-errors.js';

function answer(status: number, body?: object, headers: Record<string, string> = {}): Response {
  return new Response(body ? JSON.stringify(body) : null, { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

describe('http store: server refusals as typed errors', () => {
  it('turns a validation refusal into field errors', async () => {
    const issues = [{ field: 'title', code: 'too-long', limit: 140 }];
    const error = await toStorageError(answer(400, { error: { code: 'validation', message: 'x', issues } }), '');
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).issues).to.deep.equal(issues);
    expect((error as ValidationError).fieldMessages('en')).to.deep.equal({ title: 'At most 140 characters.' });
  });

  it('names the record that was not found', async () => {
    const error = await toStorageError(answer(404, { error: { code: 'not-found', message: 'x' } }), 'abc');
    expect(error).to.be.instanceOf(NotFoundError);
    expect((error as NotFoundError).id).to.equal('abc');
  });

  it('refuses a missing or wrong edit token as forbidden', async () => {
    expect((await toStorageError(answer(401), 'a')).code).to.equal('forbidden');
    expect((await toStorageError(answer(403), 'a')).code).to.equal('forbidden');
  });

  it('reads Retry-After, in seconds or as a date', async () => {
    const inSeconds = await toStorageError(answer(429, undefined, { 'Retry-After': '7' }), '');
    expect(inSeconds).to.be.instanceOf(RateLimitedError);
    expect((inSeconds as RateLimitedError).retryAfterMs).to.equal(7000);
    const date = new Date(Date.now() + 30000).toUTCString();
    const asDate = (await toStorageError(answer(429, undefined, { 'Retry-After': date }), '')) as RateLimitedError;
    expect(asDate.retryAfterMs).to.be.closeTo(30000, 1500);
  });

  it('treats server faults as unavailable, worth retrying', async () => {
    for (const status of [500, 502, 503]) expect(await toStorageError(answer(status), '')).to.be.instanceOf(UnavailableError);
  });

  it('maps the anti-bot refusals and a conflict', async () => {
    expect((await toStorageError(answer(400, { error: { code: 'too-fast', message: 'x' } }), '')).code).to.equal('too-fast');
    expect((await toStorageError(answer(400, { error: { code: 'bot', message: 'x' } }), '')).code).to.equal('forbidden');
    const conflict = await toStorageError(answer(409), '');
    expect(conflict).to.be.instanceOf(StorageError);
    expect(conflict.code).to.equal('conflict');
  });
});
