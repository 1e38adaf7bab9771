import { expect } from '@open-wc/testing';
import { ArrivalsController } from '../../../src/elements/off-side-event-board/arrivals-controller.js';
import type { SideEvent } from '../../../src/model/records.js';
import { CountingHost, pause, record } from './controller-hosts.js';

/** A second, the time arrivals gather, and a margin. */
const GATHERED = 1200;

function arrivals() {
  const host = new CountingHost();
  const announced: string[][] = [];
  const controller = new ArrivalsController(host, (arrived: SideEvent[]) => announced.push(arrived.map((item) => item.id)));
  return { host, controller, announced };
}

describe('ArrivalsController', () => {
  it('finds nothing new at the first look at a list, nor at a look at the same revision', async () => {
    const { controller, announced } = arrivals();
    controller.look('memory\ng21', [record('a'), record('b')], 1);
    controller.look('memory\ng21', [record('a'), record('b'), record('c')], 1);
    await pause(GATHERED);
    expect(announced).to.deep.equal([]);
  });

  it('hands over what arrived in a second once, in the order it arrived, and nothing that was already there', async () => {
    const { controller, announced } = arrivals();
    const [a, b, c] = [record('a'), record('b'), record('c')];
    controller.look('memory\ng21', [a], 1);
    controller.look('memory\ng21', [a, b], 2);
    controller.look('memory\ng21', [c, a, b], 3);
    expect(announced).to.deep.equal([]);
    await pause(GATHERED);
    expect(announced).to.deep.equal([['b', 'c']]);
    controller.look('memory\ng21', [c, a], 4);
    controller.look('memory\ng21', [c, a, record('d')], 5);
    await pause(GATHERED);
    expect(announced).to.deep.equal([['b', 'c'], ['d']]);
  });

  it('takes the list of another source as a first look', async () => {
    const { controller, announced } = arrivals();
    controller.look('memory\ng21', [record('a')], 1);
    controller.look('memory\ng22', [record('a'), record('b')], 2);
    await pause(GATHERED);
    expect(announced).to.deep.equal([]);
  });

  it('drops what it gathered once told to forget, or once the host is disconnected, and looks afresh next', async () => {
    for (const forget of [(controller: ArrivalsController) => controller.forget(), (_: ArrivalsController, host: CountingHost) => host.disconnect()]) {
      const { host, controller, announced } = arrivals();
      controller.look('memory\ng21', [record('a')], 1);
      controller.look('memory\ng21', [record('a'), record('b')], 2);
      forget(controller, host);
      controller.look('memory\ng21', [record('a'), record('b'), record('c')], 3);
      await pause(GATHERED);
      expect(announced).to.deep.equal([]);
    }
  });
});
