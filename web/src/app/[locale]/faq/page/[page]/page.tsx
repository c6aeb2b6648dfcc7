import type { Metadata } from 'next';
import { FaqListPage, faqPageMetadata } from '@/components/faq/FaqListPage';

// Page 2 onwards of the FAQ page (/en/faq/page/2); page 1 is /en/faq.
type Params = { params: Promise<{ locale: string; page: string }> };

// Rendered on first request and cached like the list's first page (the layout's revalidate).
export async function generateStaticParams() {
  return [];
}

export function generateMetadata({ params }: Params): Promise<Metadata> {
  return faqPageMetadata({ params });
}

export default function FaqPagesPage({ params }: Params) {
  return <FaqListPage params={params} />;
}
