import type { Metadata } from 'next';
import { FaqListPage, faqPageMetadata } from '@/components/faq/FaqListPage';

type Params = { params: Promise<{ locale: string }> };

export function generateMetadata({ params }: Params): Promise<Metadata> {
  return faqPageMetadata({ params });
}

export default function FaqPage({ params }: Params) {
  return <FaqListPage params={params} />;
}
