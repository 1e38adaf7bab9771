export const CHROMIUM_ARGS: string[];
export function chromiumPath(): string;
export function launchChromium(): Promise<import('playwright-core').Browser>;
