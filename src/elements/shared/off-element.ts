import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { toLang, type Lang } from '../../model/lang.js';
import { LangController } from './lang-controller.js';
import { DEFAULT_STORE } from './store-registry.js';

/** What every off-layer element shares: the `store`, `lang` and `theme` attributes. */
export class OffElement extends LitElement {
  /** Where records live: `idb` (this device, the default), `memory` (this page only) or a reference server's base URL. */
  @property() store = DEFAULT_STORE;

  /** `fr` or `en`; defaults to the page's language, then the browser's. */
  @property() override lang = '';

  /** `light` or `dark`; defaults to the visitor's system preference. Reflected as a styling hook. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  private readonly langController = new LangController(this);

  /** The language this element speaks now. */
  protected get language(): Lang {
    // The `lang` property set from script does not reach the attribute that LangController reads.
    return toLang(this.lang) ?? this.langController.lang;
  }
}
