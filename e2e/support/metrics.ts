/** The scrape token of the `base` instance, as a Prometheus job would hold it. */
export const METRICS_TOKEN = 'e2e-metrics-scrape-token-5f2c9a';

/** The value of one sample line, e.g. `portal_sign_ins_total{outcome="succeeded",via="in_app"}`; 0 when absent. */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}
