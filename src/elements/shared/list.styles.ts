import { css } from 'lit';

/** What the board and the seed browser share: their frame (`.frame`), filters' controls, buttons, notices, items and pager. */
export const listStyles = css`
  .frame {
    display: grid;
    gap: calc(var(--off-space) * 0.75);
    /* Places, organisers, tags, headings and searches without spaces (a pasted address) wrap instead of widening the list past a phone's screen. */
    overflow-wrap: anywhere;
    padding: var(--off-space);
    background: var(--off-color-bg);
    border: 1px solid var(--off-color-border);
    border-radius: var(--off-radius);
  }

  #heading,
  .title,
  p,
  ul {
    margin: 0;
  }

  #heading {
    font-size: 1.375em;
    line-height: 1.2;
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

  .empty {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    padding: var(--off-space);
    background: var(--off-color-surface);
    border-radius: var(--off-radius);
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

  .pager {
    justify-self: start;
  }
`;
