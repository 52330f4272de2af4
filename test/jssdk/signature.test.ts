import { describe, expect, it } from 'vitest';
import { jsApiSignature, newNonceStr } from '@/lib/jssdk/signature';

// The test vector of the WeCom JS-SDK signature documentation (docs/wecom-api.md).
const DOCUMENTED = {
  ticket: 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg',
  nonceStr: 'Wm3WZYTPz0wzccnW',
  timestamp: 1414587457,
  url: 'http://mp.weixin.qq.com?params=value',
};

describe('JS-SDK signature', () => {
  it('matches the documented test vector', () => {
    expect(jsApiSignature(DOCUMENTED)).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
  });

  it('takes the timestamp as a number or as the string the client sends', () => {
    expect(jsApiSignature({ ...DOCUMENTED, timestamp: '1414587457' })).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
  });

  it('signs the page without its fragment', () => {
    expect(jsApiSignature({ ...DOCUMENTED, url: `${DOCUMENTED.url}#wechat_redirect` })).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
  });

  it('changes with every input', () => {
    const base = jsApiSignature(DOCUMENTED);
    expect(jsApiSignature({ ...DOCUMENTED, url: 'http://mp.weixin.qq.com?params=other' })).not.toBe(base);
    expect(jsApiSignature({ ...DOCUMENTED, nonceStr: 'Wm3WZYTPz0wzccnX' })).not.toBe(base);
    expect(jsApiSignature({ ...DOCUMENTED, timestamp: 1414587458 })).not.toBe(base);
    expect(jsApiSignature({ ...DOCUMENTED, ticket: `${DOCUMENTED.ticket}x` })).not.toBe(base);
  });

  it('does not URL-encode the url', () => {
    const url = 'https://portal.example.com/a b?x=1&y=%E4%B8%AD';
    const other = 'https://portal.example.com/a%20b?x=1&y=%E4%B8%AD';
    expect(jsApiSignature({ ...DOCUMENTED, url })).not.toBe(jsApiSignature({ ...DOCUMENTED, url: other }));
  });

  it('makes 16-character alphanumeric nonces that differ', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonceStr));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9]{16}$/);
  });
});
