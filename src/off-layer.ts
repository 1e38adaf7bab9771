// The script-tag entry (`dist/off-layer.js`): it defines no element itself. Each element's code is a sibling
// file, imported the first time its tag is on the page, in the document or in an open shadow root, so a page
// pays only for the elements it shows (and a page with none of them, for this file).
const DEFINES = new Map<string, () => Promise<unknown>>([
  ['off-event-badge', () => import('./elements/off-event-badge/define.js')],
  ['off-side-event-board', () => import('./elements/off-side-event-board/define.js')],
  ['off-seed-card', () => import('./elements/off-seed-card/define.js')],
  ['off-contribute-form', () => import('./elements/off-contribute-form/define.js')],
]);
const requested = new Set<string>();

function load(tag: string, define: () => Promise<unknown>): void {
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  define().catch((error: unknown) => {
    // Bad venue Wi-Fi: the tag's next appearance tries again.
    requested.delete(tag);
    throw error;
  });
}

/** Loads the elements in `root` and in the open shadow roots below it, and watches those shadow roots. */
function discover(root: Element | ShadowRoot): void {
  if ([...DEFINES.keys()].every((tag) => customElements.get(tag))) return observer.disconnect();
  if (root instanceof Element) visit(root);
  for (const element of root.querySelectorAll('*')) visit(element);
}

function visit(element: Element): void {
  const tag = element.localName;
  const define = DEFINES.get(tag);
  // Our own elements hold none of the four tags in their shadow roots.
  if (define) return load(tag, define);
  if (element.shadowRoot) {
    observer.observe(element.shadowRoot, { childList: true, subtree: true });
    discover(element.shadowRoot);
  } else if (tag.includes('-') && !customElements.get(tag)) {
    // Another library's element, not defined yet: its shadow root comes with its definition.
    void customElements.whenDefined(tag).then(() => discover(element));
  }
}

const observer = new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) if (node instanceof Element) discover(node);
  }
});
observer.observe(document, { childList: true, subtree: true });
discover(document.documentElement);

// A module (demo/main.ts imports it), though it exports nothing.
export {};
