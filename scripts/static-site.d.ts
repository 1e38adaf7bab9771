export interface StaticSite {
  url: string;
  close(): Promise<void>;
}
export function serveStatic(options: { root: string; pages?: Record<string, string>; headers?: Record<string, string> }): Promise<StaticSite>;
