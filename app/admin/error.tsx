'use client';

import { ErrorPanel } from '@/components/error-panel';

export default function AdminError() {
  return <ErrorPanel />;
}
