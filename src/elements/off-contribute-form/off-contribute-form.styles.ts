import { css } from 'lit';

export const styles = css`
  /* A card like the board's, in the theme's own background: a dark form stays readable on a light page. */
  section {
    display: grid;
    gap: var(--off-space);
    /* A title without spaces (a pasted address) wraps instead of widening the grid past a phone's screen. */
    overflow-wrap: anywhere;
    padding: var(--off-space);
    background: var(--off-color-bg);
    border: 1px solid var(--off-color-border);
    border-radius: var(--off-radius);
  }

  #heading {
    margin: 0;
    font-size: 1.4em;
    line-height: 1.2;
  }

  form,
  .confirmation {
    display: grid;
    gap: var(--off-space);
    padding: var(--off-space);
    background: var(--off-color-surface);
    border-radius: var(--off-radius);
  }

  .required-note,
  .hint {
    margin: 0;
    color: var(--off-color-muted);
    font-size: 0.9em;
  }

  .field {
    display: grid;
    gap: 0.25rem;
  }

  label {
    font-weight: 600;
  }

  .required {
    color: var(--off-color-accent);
  }

  input,
  textarea,
  select {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    /* 16px or more keeps phones from zooming in on focus. */
    font: inherit;
    font-size: max(1rem, 16px);
    color: var(--off-color-fg);
    background: var(--off-color-bg);
    border: 1px solid var(--off-color-border);
    border-radius: var(--off-radius);
  }

  textarea {
    resize: vertical;
  }

  [aria-invalid='true'] {
    border: 2px solid var(--off-color-danger);
  }

  .error {
    margin: 0;
    color: var(--off-color-danger);
    font-weight: 600;
  }

  .error::before {
    content: '⚠ ';
  }

  button {
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    border-radius: var(--off-radius);
    cursor: pointer;
  }

  .submit {
    justify-self: start;
    font-weight: 700;
    color: var(--off-color-accent-fg);
    background: var(--off-color-accent);
    border: 2px solid var(--off-color-accent);
  }

  .submit[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }

  .another,
  .put-back,
  .new-place-button {
    justify-self: start;
    background: var(--off-color-bg);
    border: 1px solid var(--off-color-border);
  }

  .put-back {
    margin-inline-start: 0.5rem;
  }

  .new-place {
    display: grid;
    gap: var(--off-space, 1rem);
    margin: 0;
    padding: var(--off-space, 1rem);
    border: 1px solid var(--off-color-border);
    border-radius: var(--off-radius, 0.5rem);
  }

  .new-place[hidden] {
    display: none;
  }

  .status p,
  .status ul {
    margin: 0;
  }

  .status {
    display: grid;
    gap: 0.5rem;
  }

  .status > * {
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--off-color-border);
    background: var(--off-color-surface);
  }

  .status .error,
  .status .refused {
    border-color: var(--off-color-danger);
  }

  .status .pending,
  .status .offline,
  .status .warning {
    border-color: var(--off-color-accent);
  }

  .status .sent {
    border-color: var(--off-color-success);
  }

  .confirmation {
    border-inline-start: 4px solid var(--off-color-success);
  }

  .thanks {
    margin: 0;
    font-weight: 600;
  }

  .confirmation p {
    margin: 0;
  }
`;
