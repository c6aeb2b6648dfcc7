import { Markdown } from '@/components/common/Markdown';

/** Native disclosure widgets: readable and operable with the keyboard and without JavaScript. */
export function FaqList({ faqs }: { faqs: Array<{ documentId: string; question: string; answer: string }> }) {
  return (
    <div className="faq-list">
      {faqs.map((faq) => (
        <details className="faq" key={faq.documentId}>
          <summary>{faq.question}</summary>
          <Markdown>{faq.answer}</Markdown>
        </details>
      ))}
    </div>
  );
}
