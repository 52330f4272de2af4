import type { ExtAttr } from '@/lib/wecom/schemas';

/** Links from WeCom data are shown only when they are http(s): a `javascript:` URL stays text. */
function safeHttpUrl(url: string): string | null {
  return /^https?:\/\//i.test(url) && URL.canParse(url) ? url : null;
}

export function ExtAttrValue({ attr, miniprogramLabel }: { attr: ExtAttr; miniprogramLabel: string }) {
  if (attr.type === 1 && attr.web) {
    const href = safeHttpUrl(attr.web.url);
    const label = attr.web.title || attr.web.url;
    return href ? (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {label}
      </a>
    ) : (
      <span>{label}</span>
    );
  }
  if (attr.type === 2 && attr.miniprogram) {
    return (
      <span>
        {attr.miniprogram.title || attr.miniprogram.appid} <span className="badge badge-info">{miniprogramLabel}</span>
      </span>
    );
  }
  return <span>{attr.text?.value ?? ''}</span>;
}
