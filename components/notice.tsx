import { noticeHtml, type NoticeContent } from '@/lib/ui/notice';

/**
 * A notice page's main content: the card from lib/ui/notice.ts, as its markup, so pages and
 * the sign-in route's HTML pages show exactly the same thing. The content is escaped there.
 */
export function Notice(notice: NoticeContent) {
  return <main className="page" dangerouslySetInnerHTML={{ __html: noticeHtml(notice) }} />;
}
