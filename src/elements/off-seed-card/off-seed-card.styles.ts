import { css } from 'lit';

export const seedCardStyles = css`
  :host {
    max-width: 40rem;
  }

  .card {
    display: flex;
    flex-direction: column;
    gap: calc(var(--off-space) * 0.75);
    padding: var(--off-space);
    background: var(--off-color-bg);
    border: 1px solid var(--off-color-border);
    border-radius: var(--off-radius);
    /* Inherited by everything in the card: a title, a link or an event name without spaces wraps on a phone. */
    overflow-wrap: anywhere;
  }

  .title {
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.3;
  }

  p {
    margin: 0;
  }

  .body {
    white-space: pre-line;
  }

  a {
    color: var(--off-color-accent);
  }

  .lineage,
  .meta {
    color: var(--off-color-muted);
    font-size: 0.875rem;
  }

  .lineage-tree {
    margin: 0;
  }

  .lineage-tree figcaption {
    font-size: 0.875rem;
    font-weight: 600;
  }

  .lineage-picture {
    display: block;
    width: 100%;
    max-width: 30rem;
    height: auto;
    overflow: hidden;
  }

  /* Hidden from sight, read by screen readers: its long words wrap inside it rather than reach past a phone's screen. */
  .lineage-list.visually-hidden {
    white-space: normal;
  }

  .lineage-picture .edge {
    fill: none;
    stroke: var(--off-color-border);
    stroke-width: 2;
  }

  .lineage-picture .node {
    fill: var(--off-color-bg);
    stroke: var(--off-color-muted);
    stroke-width: 2;
  }

  .lineage-picture .node.current {
    fill: var(--off-color-accent);
    stroke: var(--off-color-accent);
  }

  .lineage-picture .node.gap {
    stroke-dasharray: 3 3;
  }

  .lineage-picture .node-title {
    fill: var(--off-color-fg);
    font-size: 14px;
  }

  .lineage-picture .node-title.current {
    font-weight: 600;
  }

  .lineage-picture .node-title.gap {
    fill: var(--off-color-muted);
    font-style: italic;
  }

  .lineage-picture .node-detail {
    fill: var(--off-color-muted);
    font-size: 12px;
  }

  .lineage-picture a:hover .node-title {
    text-decoration: underline;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
    margin: 0;
  }

  .meta dt {
    font-weight: 600;
  }

  .meta dd {
    margin: 0;
  }

  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .tags li {
    padding: 0.1em 0.6em;
    font-size: 0.875rem;
    background: var(--off-color-surface);
    border: 1px solid var(--off-color-border);
    border-radius: 999px;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  button {
    min-height: 2.5rem;
    padding: 0.4em 0.9em;
    background: var(--off-color-bg);
    border: 1px solid var(--off-color-border);
    border-radius: var(--off-radius);
    cursor: pointer;
  }

  button:hover {
    border-color: var(--off-color-fg);
  }

  button.primary {
    color: var(--off-color-accent-fg);
    background: var(--off-color-accent);
    border-color: var(--off-color-accent);
  }

  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  .copy-by-hand {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    font-size: 0.875rem;
  }

  .copy-by-hand input {
    font: inherit;
    padding: 0.4em;
    color: var(--off-color-fg);
    background: var(--off-color-bg);
    border: 1px solid var(--off-color-border);
    border-radius: var(--off-radius);
  }

  .warning {
    font-size: 0.875rem;
    color: var(--off-color-muted);
  }

  .status.replanted,
  .status.copied,
  .status.shared {
    color: var(--off-color-success);
  }

  .error {
    color: var(--off-color-danger);
  }

  .message {
    color: var(--off-color-muted);
  }

  .message.error {
    color: var(--off-color-danger);
  }

  @media print {
    .actions,
    .status,
    .warning,
    .copy-by-hand {
      display: none;
    }
  }
`;
