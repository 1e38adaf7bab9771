// The script-tag entry (`dist/off-layer.js`): it defines no element itself. Each element's code is a sibling
// file, imported the first time its tag is on the page, in the document or in an open shadow root, so a page
// pays only for the elements it shows (and a page with none of them, for this file).
type Loaders = [define: () => Promise<unknown>, french: () => Promise<unknown>];
const DEFINES = new Map<string, Loaders>([
  ['off-event-badge', [() => import('./elements/off-event-badge/define.js'), () => import('./elements/off-event-badge/off-event-badge.strings.fr.js')]],
  [
    'off-side-event-board',
    [() => import('./elements/off-side-event-board/define.js'), () => import('./elements/off-side-event-board/off-side-event-board.strings.fr.js')],
  ],
  ['off-seed-card', [() => import('./elements/off-seed-card/define.js'), () => import('./elements/off-seed-card/off-seed-card.strings.fr.js')]],
  [
    'off-contribute-form',
    [() => import('./elements/off-contribute-form/define.js'), () => import('./elements/off-contribute-form/off-contribute-form.strings.fr.js')],
  ],
  [
    'off-seed-browser',
    [() => import('./elements/off-seed-browser/define.js'), () => import('./elements/off-seed-browser/off-seed-browser.strings.fr.js')],
  ],
]);
const requested = new Set<string>();

/**
 * Whether `element` likely speaks French, so that its French strings (a module of their own) are fetched along with
 * its code rather than after it, a round trip later. A guess: the element settles its language itself.
 */
const looksFrench = (element: Element) => /^fr(?![a-z])/i.test(element.closest('[lang]')?.getAttribute('lang') ?? navigator.language);

function load(element: Element, [define, french]: Loaders): void {
  const tag = element.localName;
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  if (looksFrench(element)) french().catch(() => {});
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
  const loaders = DEFINES.get(tag);
  // Our own elements hold none of these tags in their shadow roots.
  if (loaders) return load(element, loaders);
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
