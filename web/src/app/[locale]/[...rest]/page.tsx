import { notFound } from 'next/navigation';

// Any other path under a locale is a 404, shown in that locale's language. Rendered per
// request: a prerendered notFound() would send an empty body to readers without JavaScript.
export const dynamic = 'force-dynamic';

export default function UnknownPath() {
  notFound();
}
