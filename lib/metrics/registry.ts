import 'server-only';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CacheObserver, WeComObserver } from './observers';

/**
 * The process's Prometheus metrics, served by GET /api/metrics. Labels hold API names,
 * outcomes, route names and status codes only: never a userid, code, token or secret.
 * Kept on globalThis because Next may load this module more than once in one process.
 */
export interface PortalMetrics {
  registry: Registry;
  wecom: WeComObserver;
  cache: CacheObserver;
  signIn(outcome: string, via: 'browser' | 'in_app' | 'miniprogram'): void;
  httpRequest(route: string, method: string, status: number, seconds: number): void;
  event(type: string): void;
  /** An event callback or URL check refused; both labels are the code's own words. */
  eventRejected(step: 'url_check' | 'delivery', reason: EventRejection): void;
  /** Read when scraped: whether the shared Redis answers (absent without REDIS_URL). */
  setRedisProbe(probe: () => boolean): void;
}

/** Why an event callback was refused (lib/events/receive.ts): a fixed list, never text from the request. */
export type EventRejection =
  | 'missing_parameters'
  | 'too_large'
  | 'not_an_envelope'
  | 'bad_signature'
  | 'timestamp_outside_window'
  | 'ciphertext'
  | 'receiver'
  | 'bad_event_xml';

function createMetrics(): PortalMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const wecomCalls = new Counter({ name: 'wecom_api_requests_total', help: 'Calls to the WeCom server API, by API and outcome (ok or the errcode kind).', labelNames: ['api', 'outcome'], registers: [registry] });
  const wecomSeconds = new Histogram({
    name: 'wecom_api_request_duration_seconds',
    help: 'Duration of calls to the WeCom server API.',
    labelNames: ['api'],
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const refreshes = new Counter({ name: 'wecom_token_refreshes_total', help: 'Credentials fetched from WeCom (access token, JS-SDK tickets).', labelNames: ['credential'], registers: [registry] });
  const signIns = new Counter({ name: 'portal_sign_ins_total', help: 'Sign-in attempts by outcome and by how the member came (browser, in_app, miniprogram).', labelNames: ['outcome', 'via'], registers: [registry] });
  const httpRequests = new Counter({ name: 'portal_http_requests_total', help: 'API requests answered, by route and status.', labelNames: ['route', 'method', 'status'], registers: [registry] });
  const httpSeconds = new Histogram({
    name: 'portal_http_request_duration_seconds',
    help: 'Time to answer API requests, by route.',
    labelNames: ['route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const cacheReads = new Counter({ name: 'portal_cache_reads_total', help: 'Reads of cached WeCom data, by cache and result (hit or miss).', labelNames: ['cache', 'result'], registers: [registry] });
  const events = new Counter({ name: 'portal_events_total', help: "WeCom event callbacks handled, by event or change type.", labelNames: ['type'], registers: [registry] });
  const eventsRejected = new Counter({
    name: 'portal_events_rejected_total',
    help: 'WeCom event callbacks and URL checks refused, by step and reason (timestamp_outside_window: a replay, or a clock off by minutes).',
    labelNames: ['step', 'reason'],
    registers: [registry],
  });
  let redisProbe: (() => boolean) | null = null;
  new Gauge({
    name: 'portal_redis_up',
    help: '1 when the shared Redis answers, 0 while the app serves from memory; absent without REDIS_URL.',
    registers: [registry],
    collect() {
      if (redisProbe) this.set(redisProbe() ? 1 : 0);
    },
  });

  return {
    registry,
    wecom: {
      call: (api, outcome, seconds) => {
        wecomCalls.inc({ api, outcome });
        wecomSeconds.observe({ api }, seconds);
      },
      credentialFetched: (credential) => refreshes.inc({ credential }),
    },
    cache: { read: (cache, hit) => cacheReads.inc({ cache, result: hit ? 'hit' : 'miss' }) },
    signIn: (outcome, via) => signIns.inc({ outcome, via }),
    httpRequest: (route, method, status, seconds) => {
      httpRequests.inc({ route, method, status: String(status) });
      httpSeconds.observe({ route }, seconds);
    },
    event: (type) => events.inc({ type }),
    eventRejected: (step, reason) => eventsRejected.inc({ step, reason }),
    setRedisProbe: (probe) => {
      redisProbe = probe;
    },
  };
}

export function portalMetrics(): PortalMetrics {
  const holder = globalThis as { __wecomPortalMetrics?: PortalMetrics };
  holder.__wecomPortalMetrics ??= createMetrics();
  return holder.__wecomPortalMetrics;
}
