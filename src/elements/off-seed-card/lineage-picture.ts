import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Lineage } from '../../model/lineage.js';
import type { Seed } from '../../model/records.js';

/** Where a node stands: the seeds this one was replanted from (a gap for one missing or hidden), itself, its replantings. */
export type NodePlace = 'ancestor' | 'gap' | 'current' | 'descendant';

export interface LineageNode {
  id: string;
  /** Absent for a gap. */
  seed?: Seed;
  place: NodePlace;
  /** Columns from the left: the chain stands in the first, each generation of replantings one further. */
  indent: number;
  children: LineageNode[];
}

/**
 * The lineage as one tree whose root is the oldest seed known (or the gap where the chain stops), down the chain
 * of ancestors to `seed`, then the seeds replanted from it.
 */
export function lineageTree(seed: Seed, { ancestors, descendants }: Lineage): LineageNode {
  const replantings = (level: Lineage['descendants'], indent: number): LineageNode[] =>
    level.map(({ seed: child, replantings: next }) => ({ id: child.id, seed: child, place: 'descendant', indent, children: replantings(next, indent + 1) }));
  let node: LineageNode = { id: seed.id, seed, place: 'current', indent: 0, children: replantings(descendants, 1) };
  for (const ancestor of ancestors) {
    node = { id: ancestor.id, seed: ancestor.seed, place: ancestor.seed ? 'ancestor' : 'gap', indent: 0, children: [node] };
  }
  return node;
}

export interface LineageRow {
  node: LineageNode;
  /** The row of the node it was replanted from. */
  parentRow?: number;
}

/** The nodes top to bottom as the picture draws them, each after the one it was replanted from. */
export function lineageRows(root: LineageNode): LineageRow[] {
  const rows: LineageRow[] = [];
  const visit = (node: LineageNode, parentRow?: number) => {
    const row = rows.push({ node, parentRow }) - 1;
    for (const child of node.children) visit(child, row);
  };
  visit(root);
  return rows;
}

/** What a node says: its title, its event's name and its date, or the gap's words. */
export interface NodeText {
  title: (node: LineageNode) => string;
  detail: (node: LineageNode) => string;
  href: (node: LineageNode) => string;
}

const ROW_HEIGHT = 48;
const COLUMN = 28;
const MARGIN = 12;
/** The drawing's width in its own units: narrower screens scale it down, wider ones show it at this size. */
const WIDTH = 480;
/** Texts are cut in the picture only, to fit its width; the list beside it gives them whole. */
const MAX_TITLE = 40;
const MAX_DETAIL = 56;

const x = (indent: number) => MARGIN + indent * COLUMN;
const y = (row: number) => MARGIN + row * ROW_HEIGHT;
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The lineage drawn in SVG, hidden from screen readers (the list is their picture): one row per node, a line
 * from each seed to those replanted from it, the seed on show marked, a gap dashed. Styled by classes only
 * (strict CSP allows no style attribute); its links leave the tab order to the list's.
 */
export function lineagePicture(rows: LineageRow[], text: NodeText): TemplateResult {
  const height = y(rows.length - 1) + ROW_HEIGHT - MARGIN;
  return html`<svg
    part="lineage-picture"
    class="lineage-picture"
    viewBox="0 0 ${WIDTH} ${height}"
    width=${WIDTH}
    height=${height}
    aria-hidden="true"
    focusable="false"
  >
    ${rows.map(({ node, parentRow }, row) =>
      parentRow === undefined
        ? nothing
        : svg`<path class="edge" d="M${x(rows[parentRow]!.node.indent)} ${y(parentRow)} V${y(row)} H${x(node.indent)}"></path>`,
    )}
    ${rows.map(({ node }, row) => {
      const label = svg`<circle class="node ${node.place}" cx=${x(node.indent)} cy=${y(row)} r="6"></circle>
        <text class="node-title ${node.place}" x=${x(node.indent) + 14} y=${y(row) + 5}>${cut(text.title(node), MAX_TITLE)}</text>
        <text class="node-detail" x=${x(node.indent) + 14} y=${y(row) + 23}>${cut(text.detail(node), MAX_DETAIL)}</text>`;
      return node.seed && node.place !== 'current' ? svg`<a href=${text.href(node)} tabindex="-1">${label}</a>` : label;
    })}
  </svg>`;
}

/** The same lineage as nested lists, for screen readers: each seed's list holds those replanted from it. */
export function lineageList(root: LineageNode, text: NodeText, label: string): TemplateResult {
  const item = (node: LineageNode): TemplateResult => html`<li class=${node.place}>
    ${node.seed && node.place !== 'current'
      ? html`<a href=${text.href(node)} dir="auto">${text.title(node)}</a>`
      : html`<span dir="auto">${text.title(node)}</span>`}${text.detail(node) ? html`, ${text.detail(node)}` : nothing}
    ${node.children.length ? html`<ul>${node.children.map(item)}</ul>` : nothing}
  </li>`;
  return html`<ul part="lineage-list" class="lineage-list visually-hidden" aria-label=${label}>${item(root)}</ul>`;
}

/** The lineage in a `<figure>`, drawn and listed; nothing for a seed planted from nothing that nobody replanted. */
export function lineageFigure(seed: Seed, lineage: Lineage, caption: string, text: NodeText): TemplateResult | typeof nothing {
  if (lineage.ancestors.length === 0 && lineage.descendants.length === 0) return nothing;
  const root = lineageTree(seed, lineage);
  return html`
    <figure part="lineage-tree" class="lineage-tree">
      <figcaption>${caption}</figcaption>
      ${lineagePicture(lineageRows(root), text)} ${lineageList(root, text, caption)}
    </figure>
  `;
}
