import { describe, expect, it } from 'vitest';
import { noticeHtml } from '@/lib/ui/notice';

describe('the notice card', () => {
  it('escapes everything it is given: a title or detail cannot become markup', () => {
    const html = noticeHtml({
      testId: 't',
      title: '<script>alert(1)</script>',
      body: 'a & b',
      details: ['errcode 1: "quoted"'],
      actions: [{ kind: 'link', label: 'go', href: '/x?a=1&b="2"' }],
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('a &amp; b');
    expect(html).toContain('href="/x?a=1&amp;b=&quot;2&quot;"');
    expect(html).toContain('&quot;quoted&quot;');
  });

  it('leaves out the note, details and actions it was not given', () => {
    const html = noticeHtml({ testId: 't', title: 'T', body: 'B' });
    expect(html).toBe('<section class="card notice" data-testid="t"><h1>T</h1><p>B</p></section>');
  });

  it('makes sign-out a POST form (a link would be a GET anyone could trigger), links plain anchors', () => {
    const html = noticeHtml({
      testId: 't',
      title: 'T',
      body: 'B',
      actions: [
        { kind: 'post', label: 'Sign out', action: '/auth/sign-out', fields: { scope: 'everywhere' }, testId: 'out', quiet: true },
        { kind: 'link', label: 'Retry', href: '' },
      ],
    });
    expect(html).toContain(
      '<form method="post" action="/auth/sign-out"><input type="hidden" name="scope" value="everywhere"><button type="submit" class="button button-quiet" data-testid="out">Sign out</button></form>',
    );
    expect(html).toContain('<a class="button" href="">Retry</a>');
  });
});
