import { expect } from '@open-wc/testing';
import { AnnouncementController } from '../../../src/elements/shared/announcement-controller.js';
import { CountingHost } from '../off-side-event-board/controller-hosts.js';

describe('AnnouncementController', () => {
  it('changes its text at every announcement, the same text too, and asks the host to render it', () => {
    const host = new CountingHost();
    const announcer = new AnnouncementController(host);
    const said = ['3 side events', '3 side events', '3 side events', '1 side event'].map((text) => {
      announcer.announce(text);
      return announcer.text;
    });
    expect(said).to.deep.equal(['3 side events', '3 side events\u00a0', '3 side events', '1 side event']);
    expect(host.updates).to.equal(4);
  });
});
