import { css } from 'lit';

export const badgeStyles = css`
  :host {
    --off-qr-dark: #000000;
    --off-qr-light: #ffffff;
    max-width: 32rem;
  }

  .card {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--off-space);
    padding: var(--off-space);
    background: var(--off-color-bg);
    border: 1px solid var(--off-color-border);
    border-radius: var(--off-radius);
  }

  .text {
    flex: 1 1 12rem;
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: calc(var(--off-space) / 4);
    /* A label without spaces (a hashtag) or the printed address must not push the badge off a phone's screen. */
    overflow-wrap: anywhere;
  }

  .mark {
    padding: 0.1em 0.45em;
    font-size: 2rem;
    font-weight: 900;
    line-height: 1.1;
    letter-spacing: -0.02em;
    color: var(--off-color-accent-fg);
    background: var(--off-color-accent);
    border-radius: calc(var(--off-radius) / 2);
  }

  p {
    margin: 0;
  }

  .label {
    font-weight: 600;
  }

  .count {
    font-size: 1.25rem;
    font-weight: 700;
  }

  .link {
    color: var(--off-color-accent);
    font-weight: 600;
  }

  .print-url {
    display: none;
  }

  .qr-column {
    flex: 0 0 auto;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: calc(var(--off-space) / 2);
  }

  /* The QR code, or the message that the address is too long for one. */
  .qr {
    width: 9rem;
  }

  svg {
    display: block;
    width: 100%;
    height: auto;
  }

  rect {
    fill: var(--off-qr-light);
  }

  path {
    fill: var(--off-qr-dark);
  }

  .download {
    padding: 0.35em 0.75em;
    font-size: 0.875rem;
    background: transparent;
    border: 1px solid var(--off-color-border);
    border-radius: var(--off-radius);
    cursor: pointer;
  }

  .download:hover {
    border-color: var(--off-color-fg);
  }

  .download-error {
    margin: 0.5em 0 0;
    max-width: 12em;
    font-size: 0.875rem;
    color: var(--off-color-danger);
  }

  /* Colours are set outright, not through tokens: the dark theme's token rules are more specific than these. */
  @media print {
    :host {
      max-width: none;
      color: #000000;
    }

    /* Where backgrounds are printed, the dark theme's card would put this black text on near-black. */
    .card {
      background: #ffffff;
      flex-direction: column;
      text-align: center;
      border: 2px solid #000000;
      break-inside: avoid;
    }

    .text {
      flex: none;
      align-items: center;
    }

    /* Browsers drop backgrounds when printing by default: the mark becomes black text in a black frame. */
    .mark {
      font-size: 3rem;
      color: #000000;
      background: none;
      border: 0.12em solid #000000;
    }

    .count {
      font-size: 1.5rem;
    }

    .qr {
      width: min(12cm, 80vw);
    }

    .download,
    .download-error,
    .link {
      display: none;
    }

    .print-url {
      display: block;
      font-family: ui-monospace, monospace;
    }
  }
`;
