// errmsg texts for the errcodes the mock produces, in WeCom's own English wording where known.

const ERRMSG: Record<number, string> = {
  [-1]: 'system busy',
  40001: 'invalid credential, access_token is invalid or not latest',
  40013: 'invalid corpid',
  40014: 'invalid access_token',
  40029: 'invalid code',
  40056: 'invalid agentid',
  40058: 'invalid parameter',
  40068: 'invalid tagid',
  40091: 'secret is invalid',
  41001: 'access_token missing',
  41004: 'corpsecret missing',
  41008: 'missing code',
  41009: 'missing userid',
  41011: 'missing agentid',
  42001: 'access_token expired',
  43001: 'require GET method',
  43002: 'require POST method',
  45009: 'api freq out of limit',
  45033: 'api concurrent out of limit',
  47001: 'data format error',
  48002: 'api forbidden',
  50001: "redirect_uri domain is not the app's trusted domain",
  50002: 'user not in app visible range',
  // WeCom documents 50003 as 应用已禁用 ("a disabled app cannot use the API"); its English text is a guess.
  50003: 'app is disabled',
  60011: 'no privilege to access/modify contact/party/agent',
  60020: 'not allow to access from your ip',
  60111: 'userid not found',
  60123: 'invalid party id',
  84014: 'user ticket expired',
  84015: 'invalid user_ticket',
  301002: 'not allow operate another agent with this accesstoken.',
};

export function errmsgText(errcode: number): string {
  return ERRMSG[errcode] ?? 'system error';
}
