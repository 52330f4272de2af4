import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { portalMetrics } from '@/lib/metrics/registry';

const root = path.resolve(__dirname, '../..');
const docs = (file: string) => readFileSync(path.join(root, 'docs', file), 'utf8');
/** Metric names an expression reads, without the histogram suffixes Prometheus adds. */
const metricNames = (expr: string) => [...expr.matchAll(/\b((?:wecom|portal|process)_[a-z_]+)\b/g)].map((m) => m[1].replace(/_(bucket|count|sum)$/, ''));

describe('the Grafana dashboard and the alert rules', () => {
  const served = new Set(portalMetrics().registry.getMetricsAsArray().map((m) => m.name));

  it('only read metrics the app serves', () => {
    const dashboard = JSON.parse(docs('grafana-dashboard.json')) as { panels: { targets: { expr: string }[] }[] };
    const read = dashboard.panels.flatMap((p) => p.targets.flatMap((t) => metricNames(t.expr)));
    expect(read.length).toBeGreaterThan(10);
    expect(read.filter((name) => !served.has(name))).toEqual([]);
    const rules = [...docs('alerts.md').matchAll(/```promql\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(rules.length).toBeGreaterThanOrEqual(5);
    const alerts = rules.flatMap(metricNames);
    expect(alerts.filter((name) => !served.has(name))).toEqual([]);
  });

  it('cover every metric the issue asks for', () => {
    for (const name of ['wecom_api_requests_total', 'wecom_api_request_duration_seconds', 'wecom_token_refreshes_total', 'portal_sign_ins_total', 'portal_http_requests_total', 'portal_http_request_duration_seconds', 'portal_cache_reads_total', 'portal_redis_up', 'portal_events_total']) {
      expect(served.has(name), name).toBe(true);
    }
  });
});
