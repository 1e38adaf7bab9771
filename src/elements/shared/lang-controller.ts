import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang } from '../../model/lang.js';
import { resolveLang } from './i18n.js';

type Host = ReactiveControllerHost & HTMLElement;

const hosts = new Set<Host>();
let pageLangObserver: MutationObserver | undefined;

function watchPageLang(): void {
  if (pageLangObserver) return;
  pageLangObserver = new MutationObserver(() => hosts.forEach((host) => host.requestUpdate()));
  pageLangObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/** Keeps an element's language in step with its `lang` attribute and the page's `lang`. */
export class LangController implements ReactiveController {
  constructor(private readonly host: Host) {
    host.addController(this);
  }

  get lang(): Lang {
    return resolveLang(this.host);
  }

  hostConnected(): void {
    hosts.add(this.host);
    watchPageLang();
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
  }
}
