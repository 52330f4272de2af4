// The HTML shell shared by the login pages: WeCom's look (white cards on grey, green #07c160),
// sized for a phone first.

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Inline, so the browser asks the mock for no /favicon.ico (which would be a 404 in its console). */
const FAVICON = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#07c160"/><text x="32" y="43" font-size="30" text-anchor="middle" fill="#fff" font-family="sans-serif">W</text></svg>')}`;

const STYLES = `
*{box-sizing:border-box}
body{margin:0;background:#ededed;color:#191919;font:15px/1.5 -apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei",sans-serif}
header{background:#f7f7f7;border-bottom:1px solid #e5e5e5;text-align:center;padding:12px;font-weight:600}
main{max-width:480px;margin:0 auto;padding:16px}
.card{background:#fff;border-radius:8px;padding:16px;margin-bottom:12px}
.mock-note{font-size:12px;color:#888;text-align:center;margin:16px 0}
h1{font-size:18px;margin:0 0 8px}
.muted{color:#888;font-size:13px}
.choice{display:flex;align-items:center;gap:12px;padding:10px 4px;border-bottom:1px solid #f0f0f0;color:inherit;text-decoration:none}
.choice:last-child{border-bottom:0}
.choice:active,.choice:hover{background:#f5f5f5}
.choice img{width:40px;height:40px;border-radius:6px;flex:none}
.choice .who{flex:1;min-width:0}
.choice .name{font-weight:500}
.choice .meta{color:#888;font-size:12px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.badge{font-size:11px;color:#fa5151;border:1px solid #fa5151;border-radius:3px;padding:0 4px;margin-left:6px}
.button{display:block;text-align:center;border-radius:6px;padding:11px;font-weight:600;text-decoration:none;margin-top:10px}
.primary{background:#07c160;color:#fff}
.secondary{background:#f2f2f2;color:#07c160}
.danger{background:#f2f2f2;color:#fa5151}
.consent{border-left:3px solid #07c160;padding-left:10px;font-size:13px;color:#555}
.qr{width:200px;height:200px;margin:8px auto;display:block;border:1px solid #e5e5e5;padding:8px;background:#fff}
.error-icon{width:64px;height:64px;border-radius:50%;background:#fa9d3b;color:#fff;font-size:40px;line-height:64px;text-align:center;margin:24px auto 12px}
.errcode{font-family:ui-monospace,Menlo,monospace;color:#888;font-size:13px}
#hash-warning{display:none;background:#fff7e6;color:#ad6800;border-radius:6px;padding:8px 10px;font-size:13px;margin-bottom:12px}
`;

export function renderShell(title: string, lang: 'zh' | 'en', body: string): string {
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="${FAVICON}">
<style>${STYLES}</style>
</head>
<body>
<header>${escapeHtml(title)}</header>
<main>
${body}
<p class="mock-note">本页由本地模拟服务生成，代替企业微信 · Local WeCom mock, not the real service</p>
</main>
</body>
</html>`;
}
