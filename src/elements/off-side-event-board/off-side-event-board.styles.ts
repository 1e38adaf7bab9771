import { css } from 'lit';

export const boardStyles = css`
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--off-space) * 0.5);
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

  .error {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    color: var(--off-color-danger);
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
    margin: 0;
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

  .actions a {
    min-height: 2.75rem;
    display: inline-flex;
    align-items: center;
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
