import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { readBearerHeader } from '@/lib/auth/session-credential';
import { getCacheStore, redisOf } from '@/lib/cache';
import { getConfig } from '@/lib/config';
import { portalMetrics } from './registry';

/**
 * `GET /api/metrics` in Prometheus's text format, for a scraper holding METRICS_TOKEN
 * (`Authorization: Bearer …`). Without METRICS_TOKEN the route does not exist (404).
 */
export async function scrapeMetrics(request: NextRequest): Promise<Response> {
  const expected = getConfig().metricsToken;
  if (!expected) return NextResponse.json({ error: 'not_found', message: 'Metrics are off: set METRICS_TOKEN to turn them on.' }, { status: 404 });
  const given = readBearerHeader(request.headers.get('authorization'));
  if (given.kind !== 'token' || !sameSecret(given.token, expected)) {
    return NextResponse.json(
      { error: 'unauthenticated', message: 'Send Authorization: Bearer <METRICS_TOKEN>.' },
      { status: 401, headers: { 'www-authenticate': 'Bearer realm="metrics"' } },
    );
  }
  const metrics = portalMetrics();
  const redis = redisOf(getCacheStore());
  if (redis) metrics.setRedisProbe(() => redis.isReady());
  return new Response(await metrics.registry.metrics(), { headers: { 'content-type': metrics.registry.contentType } });
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
