'use client';

import { ErrorPanel } from '@/components/error-panel';

export default function ProfileError() {
  return <ErrorPanel />;
}
