import { downloadText } from '../shared/download.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface QrColours {
  dark: string;
  light: string;
}

/** The rendered QR `<svg>` as a file of its own: namespace, size and fills written out, none of the page's classes or ARIA. */
export function standaloneQrSvg(rendered: SVGSVGElement, colours: QrColours = { dark: '#000000', light: '#ffffff' }): string {
  const side = rendered.viewBox.baseVal.width;
  const path = rendered.querySelector('path')!.getAttribute('d');
  return (
    `<svg xmlns="${SVG_NS}" viewBox="0 0 ${side} ${side}" width="${side * 8}" height="${side * 8}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="${colours.light}"/><path d="${path}" fill="${colours.dark}"/></svg>`
  );
}

/** Offers the rendered QR code as `filename`, in the colours it has on screen. */
export function downloadQrSvg(rendered: SVGSVGElement, filename: string): void {
  const fill = (selector: string) => getComputedStyle(rendered.querySelector(selector)!).fill;
  downloadText(standaloneQrSvg(rendered, { dark: fill('path'), light: fill('rect') }), filename, 'image/svg+xml');
}
