import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { toLang, type Lang } from '../../model/lang.js';
import type { Catalogue } from './i18n.js';
import { LangController } from './lang-controller.js';
import { DEFAULT_STORE } from './store-registry.js';

/** What every off-layer element shares: the `store`, `lang` and `theme` attributes. */
export class OffElement extends LitElement {
  /** Where records live: `idb` (this device, the default), `memory` (this page only) or a reference server's base URL. */
  @property() store = DEFAULT_STORE;

  /**
   * `fr` or `en`; defaults to the page's language, then the browser's.
   * Reflected like the native `lang`: screen readers choose their voice from the attribute, and frameworks
   * (React 19, Vue) set it as a property. No initial value, which would write `lang=""` and hide the page's language.
   */
  @property({ reflect: true }) override lang!: string;

  /** `light` or `dark`; defaults to the visitor's system preference. Reflected as a styling hook. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** The element's strings: an update waits until those of its language are there, so that no other language shows first. */
  protected static strings?: Catalogue<unknown>;

  private readonly langController = new LangController(this);

  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = (this.constructor as typeof OffElement).strings?.loading(this.language);
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /**
   * The language this element speaks now. Each template also sets it as `lang` on its outermost element:
   * Firefox does not pass the host's language into its shadow tree (`:lang()` did not match there).
   */
  protected get language(): Lang {
    // Read before the first update has reflected a `lang` set from script.
    return toLang(this.lang) ?? this.langController.lang;
  }
}
