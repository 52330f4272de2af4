// What the app's console settings stop before a token-authenticated call reaches its handler.
// They need the token: WeCom applies them per app, and the token says which app is calling. So
// gettoken, the one call without a token, passes both, as on WeCom: it is exempt from the trusted
// IPs, and a disabled app still gets tokens.

import type { AccessToken } from '../grants';
import type { MockState } from '../state';
import { appConsoleOf } from './app-console';
import type { QyapiRoute } from './route';
import { QyapiError } from './wire';

/** `callerIp`: the request's address, canonical (see ip-address.ts), as trustedIps are. */
export function enforceAppConsole(route: QyapiRoute, token: AccessToken, state: MockState, callerIp: string): void {
  const appConsole = appConsoleOf(state, token.agentId);
  // The errmsg names the caller's address (wire.ts), which is what the operator has to add.
  if (appConsole.trustedIps.length > 0 && !appConsole.trustedIps.includes(callerIp)) throw new QyapiError(60020);
  if (appConsole.appDisabled && !route.answersWhileDisabled) throw new QyapiError(50003);
}
