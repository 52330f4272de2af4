import { describe, expect, it } from 'vitest';
import { readXmlFields } from '@/lib/events/event-xml';

describe("reading WeCom's XML", () => {
  it('reads the envelope and CDATA fields as text', () => {
    const xml = '<xml><ToUserName><![CDATA[ww8a2f00d5c0ffee01]]></ToUserName><AgentID><![CDATA[1000002]]></AgentID><Encrypt><![CDATA[abc+/=]]></Encrypt></xml>';
    expect(readXmlFields(xml)).toEqual({ ToUserName: 'ww8a2f00d5c0ffee01', AgentID: '1000002', Encrypt: 'abc+/=' });
  });

  it('keeps numbers and ids as the text they were', () => {
    const fields = readXmlFields('<xml><CreateTime>1409659813</CreateTime><UserID>007</UserID><Department><![CDATA[1,2]]></Department></xml>');
    expect(fields).toEqual({ CreateTime: '1409659813', UserID: '007', Department: '1,2' });
  });

  it('refuses an external entity (XXE) and an entity bomb without resolving them', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><UserID>&x;</UserID></xml>';
    const bomb = '<!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><xml><UserID>&b;</UserID></xml>';
    expect(readXmlFields(xxe)).toBeNull();
    expect(readXmlFields(bomb)).toBeNull();
    expect(readXmlFields('<xml><UserID>&amp;lt;</UserID></xml>')).toEqual({ UserID: '&amp;lt;' });
  });

  it.each([
    ['empty', ''],
    ['not XML', 'hello'],
    ['unclosed', '<xml><UserID>a</xml>'],
    ['JSON', '{"Encrypt":"abc"}'],
    ['another root', '<root><Encrypt>abc</Encrypt></root>'],
    ['oversized', `<xml><A>${'x'.repeat(70 * 1024)}</A></xml>`],
  ])('refuses %s input', (_, xml) => {
    expect(readXmlFields(xml)).toBeNull();
  });
});
