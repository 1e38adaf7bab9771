import { css } from 'lit';

export const seedBrowserStyles = css`
  .filters:not([hidden]) {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: calc(var(--off-space) * 0.75);
  }

  .field {
    display: grid;
    gap: 0.25rem;
  }

  .field.search {
    grid-column: 1 / -1;
  }

  button {
    font: inherit;
    font-weight: 600;
  }

  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  .error {
    color: var(--off-color-danger);
  }

  .replanted {
    color: var(--off-color-success);
    font-weight: 600;
  }

  .list {
    list-style: none;
    padding: 0;
    display: grid;
    gap: calc(var(--off-space) * 0.5);
  }

  .body {
    white-space: pre-line;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    overflow: hidden;
  }

  @media print {
    .filters,
    .pager,
    .actions {
      display: none;
    }
  }
`;
