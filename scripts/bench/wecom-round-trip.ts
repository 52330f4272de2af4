import { mockTenantEnv } from '@/mock/tenant-env';
import { percentile } from './stats';

/**
 * What one WeCom call costs a plain client on this machine: the mock's added latency plus
 * HTTP on loopback and the mock's own work. The callback waits for such calls; what it takes
 * beyond them is the app's own time.
 */
export async function weComRoundTrip(mockUrl: string, userid: string, samples = 50) {
  const tenant = mockTenantEnv(mockUrl);
  const token = (await (await fetch(`${mockUrl}/cgi-bin/gettoken?corpid=${tenant.WECOM_CORP_ID}&corpsecret=${tenant.WECOM_SECRET}`)).json()) as { access_token: string };
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    const response = await fetch(`${mockUrl}/cgi-bin/user/get?access_token=${token.access_token}&userid=${encodeURIComponent(userid)}`);
    const body = (await response.json()) as { errcode: number };
    if (body.errcode !== 0) throw new Error(`user/get answered errcode ${body.errcode}`);
    ms.push(performance.now() - started);
  }
  return { samples, p50Ms: percentile(ms, 50), p95Ms: percentile(ms, 95) };
}
