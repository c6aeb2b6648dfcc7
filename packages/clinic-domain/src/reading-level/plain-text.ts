/**
 * The words a patient reads in a rich-text field (Strapi's markdown, which may hold HTML):
 * markup, links' addresses, pictures and code are removed; each block (paragraph, heading,
 * list item) ends a sentence, as a reader takes it, even without a full stop.
 */
export function plainTextOf(richText: string | null | undefined): string {
  if (!richText) return '';
  const text = richText
    .replace(/\r\n?/g, '\n')
    .replace(/```[\s\S]*?```/g, '\n') // code blocks are not patient prose
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6]|tr|blockquote)>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ') // pictures: their alternative text is not read as prose
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links: keep the words, drop the address
    .replace(/`([^`]*)`/g, '$1')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&[a-z]+;|&#\d+;/gi, ' ');
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/, '') // heading, quote and list markers
        .replace(/(\*\*|__|~~|\*|_)(?=\S)([^\n]*?\S)\1/g, '$2') // emphasis
        .trim(),
    )
    .filter((line) => line && !/^([-*_=]\s*){3,}$/.test(line)) // rules and setext underlines
    .map((line) => (/[.!?…:;]["'»”)]*$/.test(line) ? line : `${line}.`))
    .join(' ');
}
