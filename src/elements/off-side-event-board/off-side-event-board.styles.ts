import { css } from 'lit';

export const boardStyles = css`
  .board {
    display: grid;
    gap: calc(var(--off-space) * 0.75);
    /* Places, organisers, tags, headings and searches without spaces (a pasted address) wrap instead of widening the board past a phone's screen. */
    overflow-wrap: anywhere;
    padding: var(--off-space);
    background: var(--off-color-bg);
    border: 1px solid var(--off-color-border);
    border-radius: var(--off-radius);
  }

  #heading,
  .day,
  .title,
  p,
  ul {
    margin: 0;
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--off-space) * 0.5);
  }

  #heading {
    font-size: 1.375em;
    line-height: 1.2;
  }

  .filters:not([hidden]) {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--off-space) * 0.75);
  }

  .field {
    display: grid;
    gap: 0.25rem;
    flex: 1 1 12rem;
  }

  .field:first-child {
    flex-grow: 3;
  }

  label {
    font-weight: 600;
    font-size: 0.9375em;
  }

  input,
  select {
    font: inherit;
    color: inherit;
    min-height: 2.75rem;
    padding: 0.375rem 0.625rem;
    background: var(--off-color-surface);
    border: 1px solid var(--off-color-border);
    border-radius: var(--off-radius);
    width: 100%;
  }

  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 2.75rem;
    padding: 0.375rem 1rem;
    border-radius: var(--off-radius);
    border: 1px solid var(--off-color-accent);
    background: var(--off-color-accent);
    color: var(--off-color-accent-fg);
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }

  button.secondary {
    background: transparent;
    color: var(--off-color-fg);
    border-color: var(--off-color-border);
  }

  button.link {
    min-height: 2rem;
    padding: 0;
    border: 0;
    background: none;
    color: var(--off-color-fg);
    text-decoration: underline;
    font-weight: normal;
    justify-self: start;
  }

  .status,
  .range,
  .meta,
  .tags {
    color: var(--off-color-muted);
    font-size: 0.9375em;
  }

  .warning {
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--off-color-accent);
    background: var(--off-color-surface);
    font-size: 0.9375em;
  }

  .error {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    color: var(--off-color-danger);
  }

  .empty {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    padding: var(--off-space);
    background: var(--off-color-surface);
    border-radius: var(--off-radius);
  }

  .empty-title {
    font-weight: 600;
    font-size: 1.125em;
  }

  .list {
    display: grid;
    gap: calc(var(--off-space) * 0.5);
  }

  .day {
    font-size: 1.125em;
    padding-block-start: calc(var(--off-space) * 0.5);
    border-block-end: 2px solid var(--off-color-accent);
  }

  .day::first-letter {
    text-transform: uppercase;
  }

  .day-list {
    list-style: none;
    padding: 0;
    display: grid;
    gap: calc(var(--off-space) * 0.5);
  }

  .item {
    display: grid;
    gap: 0.25rem;
    padding: calc(var(--off-space) * 0.75);
    background: var(--off-color-surface);
    border-radius: var(--off-radius);
  }

  .title {
    font-size: 1.0625em;
    line-height: 1.3;
  }

  .description {
    white-space: pre-line;
  }

  .description.clamped {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    overflow: hidden;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding-block-start: 0.25rem;
  }

  a {
    color: var(--off-color-fg);
  }

  .actions a {
    min-height: 2.75rem;
    display: inline-flex;
    align-items: center;
  }

  .pager {
    justify-self: start;
  }

  @media print {
    .filters,
    .pager,
    .actions,
    button {
      display: none !important;
    }
  }
`;
