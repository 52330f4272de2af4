import type { PrivateField } from '@/lib/profile/profile-view';

/** A field WeCom may withhold: its value, or an explicit "not shared", never a blank. */
export function PrivateFieldValue({ field, notShared, format }: { field: PrivateField; notShared: string; format?: (v: string) => string }) {
  if (!field.shared) {
    return (
      <span className="not-shared" data-not-shared="true">
        {notShared}
      </span>
    );
  }
  return <span>{format ? format(field.value) : field.value}</span>;
}
