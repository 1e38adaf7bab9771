export function serverCommand(root?: string): string[];
