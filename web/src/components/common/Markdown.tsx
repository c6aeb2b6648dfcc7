import ReactMarkdown from 'react-markdown';

/** Editors write Markdown; raw HTML is not rendered, so no markup can be injected. */
export function Markdown({ children }: { children: string | null | undefined }) {
  if (!children) return null;
  return <ReactMarkdown skipHtml>{children}</ReactMarkdown>;
}
