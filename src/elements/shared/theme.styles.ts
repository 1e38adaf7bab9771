import { css } from 'lit';

const darkTokens = css`
  --off-color-bg: #1c1b19;
  --off-color-surface: #2a2925;
  --off-color-fg: #f2efe6;
  --off-color-muted: #c2bdae;
  --off-color-border: #57534a;
  --off-color-accent: #ff8a80;
  --off-color-accent-fg: #1c1b19;
  --off-color-danger: #ffb4ab;
  --off-color-success: #8fd6a5;
  --off-color-focus: #9ab8ff;
  color-scheme: dark;
`;

/**
 * Design tokens and a reset shared by every element. The tokens are declared on
 * `:host`, so a page overrides them on the element (`off-side-event-board { --off-color-accent: teal }`);
 * inherited properties are set here so the host page's typography cannot leak in.
 */
export const themeStyles = css`
  :host {
    --off-color-bg: #ffffff;
    --off-color-surface: #f5f4f0;
    --off-color-fg: #1d1b16;
    --off-color-muted: #5c5848;
    --off-color-border: #c9c4b4;
    --off-color-accent: #b3261e;
    --off-color-accent-fg: #ffffff;
    --off-color-danger: #a4161a;
    --off-color-success: #1b6b3a;
    --off-color-focus: #1a56db;
    --off-radius: 0.5rem;
    --off-space: 1rem;
    --off-font: system-ui, sans-serif;
    --off-font-size: 1rem;

    display: block;
    box-sizing: border-box;
    color-scheme: light;
    color: var(--off-color-fg);
    font-family: var(--off-font);
    font-size: var(--off-font-size);
    font-weight: normal;
    font-style: normal;
    line-height: 1.5;
    letter-spacing: normal;
    text-align: start;
    text-transform: none;
    word-spacing: normal;
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkTokens}
    }
  }

  :host([theme='dark']) {
    ${darkTokens}
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: 3px solid var(--off-color-focus);
    outline-offset: 2px;
  }

  button {
    font: inherit;
    color: inherit;
  }
`;
