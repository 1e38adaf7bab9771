import { generate, type Bitmap2D, type Correction } from 'lean-qr/nano';

/** The blank margin scanners need around the code, in modules (ISO/IEC 18004). */
export const QUIET_ZONE = 4;

/**
 * Medium error correction at least: a printed badge still scans with a scuff or a fold.
 * lean-qr's `correction.M`, written as its value: importing `correction` would add its table of levels to the badge page.
 */
export const QR_OPTIONS = { minCorrectionLevel: 1 as Correction } as const;

export interface QrGeometry {
  /** Modules per side, quiet zone included: the viewBox is `0 0 side side`. */
  side: number;
  /** The dark modules as one path, one rectangle per horizontal run. */
  path: string;
}

/** The QR code of `text`, or undefined when `text` is more than a QR code holds (2,330 bytes at medium correction). */
export function qrGeometry(text: string): QrGeometry | undefined {
  let code: Bitmap2D;
  try {
    code = generate(text, QR_OPTIONS);
  } catch {
    // Too much data is all lean-qr throws for a string.
    return undefined;
  }
  let path = '';
  for (let y = 0; y < code.size; y += 1) {
    for (let x = 0; x < code.size; x += 1) {
      if (!code.get(x, y)) continue;
      const start = x;
      // Past the last column, get() is false.
      while (code.get(x + 1, y)) x += 1;
      const length = x - start + 1;
      path += `M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${length}v1h-${length}z`;
    }
  }
  return { side: code.size + 2 * QUIET_ZONE, path };
}
