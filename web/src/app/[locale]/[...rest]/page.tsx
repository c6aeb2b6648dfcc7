import { notFound } from 'next/navigation';

// Any other path under a locale is a 404, shown in that locale's language.
export default function UnknownPath() {
  notFound();
}
