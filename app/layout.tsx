import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getLocale, getMessages } from '@/lib/i18n/server';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getMessages();
  return { title: t.appName, robots: { index: false } };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale === 'en' ? 'en' : 'zh-CN'}>
      <body>{children}</body>
    </html>
  );
}
