// What the app's console settings stop before a token-authenticated call reaches its handler.
// They need the token: WeCom applies them per app, and the token says which app is calling.

import type { AccessToken } from '../grants';
import type { MockState } from '../state';
import { appConsoleOf } from './app-console';
import type { QyapiRoute } from './route';
import { QyapiError } from './wire';

export function enforceAppConsole(route: QyapiRoute, token: AccessToken, state: MockState): void {
  const appConsole = appConsoleOf(state, token.agentId);
  // gettoken needs no token and so still works: WeCom lets a disabled app fetch tokens.
  if (appConsole.appDisabled && !route.answersWhileDisabled) throw new QyapiError(50003);
}
