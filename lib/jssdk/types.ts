/** The answer of `GET /api/wecom/jssdk-config`, shared by the server and the page that registers the JS-SDK. */

/** One signature as `ww.register`'s signature callbacks return it. */
export interface SignedPage {
  timestamp: number;
  nonceStr: string;
  signature: string;
}

/** Everything `ww.register` needs for one page: corp-level (config) and app-level (agentConfig). */
export interface JsSdkConfig {
  corpId: string;
  agentId: number;
  url: string;
  corp: SignedPage;
  agent: SignedPage;
}
