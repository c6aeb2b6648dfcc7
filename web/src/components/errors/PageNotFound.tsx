import { Suspense } from 'react';
import { notFound } from 'next/navigation';
import { NotFoundContent } from './NotFoundContent';

/**
 * Next's notFound() thrown by a page leaves the server HTML an empty shell: the 404 body
 * appears only once JavaScript runs (vercel/next.js#62228). A page that finds nothing
 * renders this instead: the 404 body is in the server HTML, and notFound() is thrown inside
 * a Suspense boundary of its own, which still makes the response a 404 (and, in the
 * browser, shows the same body from not-found.tsx).
 */
export function PageNotFound({ locale }: { locale: string }) {
  return (
    <>
      <NotFoundContent locale={locale} />
      <Suspense fallback={null}>
        <AnswerNotFound />
      </Suspense>
    </>
  );
}

function AnswerNotFound(): never {
  notFound();
}
