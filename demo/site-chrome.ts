// The demo summit's header and footer, written once for every page of the site.
const PAGES = [
  ['index.html', 'Programme'],
  ['venue.html', 'Venue'],
  ['contribute.html', 'Add your #OFF'],
  ['seeds.html', 'Seeds'],
  ['theming.html', 'Theming'],
] as const;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, properties: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const created = Object.assign(document.createElement(tag), properties);
  created.append(...children);
  return created;
}

function navigation(): HTMLElement {
  const current = location.pathname.split('/').pop() || 'index.html';
  const items = PAGES.map(([href, label]) => {
    const link = element('a', { href: `./${href}` }, label);
    if (href === current) link.setAttribute('aria-current', 'page');
    return element('li', {}, link);
  });
  const nav = element('nav', { className: 'site-nav' }, element('ul', {}, ...items));
  nav.setAttribute('aria-label', 'Site');
  return nav;
}

/** Fills the page's empty `<header class="site-header">` and `<footer class="site-footer">`. */
export function renderSiteChrome(): void {
  const brand = element('a', { className: 'brand', href: './index.html' }, 'G21 ', element('span', {}, 'Summit'));
  document.querySelector('.site-header')?.replaceChildren(brand, navigation());
  document
    .querySelector('.site-footer')
    ?.replaceChildren(
      element('p', {}, 'A fictional summit to show off-layer at work. What is added here is a commons (CC BY-SA 4.0 unless its author chose otherwise).'),
    );
}
