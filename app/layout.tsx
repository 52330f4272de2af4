import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import { getLocale, getMessages } from '@/lib/i18n/server';
import { weComColorScheme } from '@/lib/wecom/color-scheme';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getMessages();
  // An icon of our own: without one the browser asks for /favicon.ico and logs its 404.
  return { title: t.appName, robots: { index: false }, icons: { icon: '/icon.svg' } };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, userAgent] = await Promise.all([getLocale(), headers().then((h) => h.get('user-agent'))]);
  return (
    <html lang={locale === 'en' ? 'en' : 'zh-CN'} className={weComColorScheme(userAgent)}>
      <body>{children}</body>
    </html>
  );
}
