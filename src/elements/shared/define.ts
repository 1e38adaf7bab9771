/** Registers a custom element once; a second registration (two bundles on one page) is a no-op, not an error. */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
