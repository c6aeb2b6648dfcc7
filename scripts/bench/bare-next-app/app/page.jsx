import content from '../content.json';

// Static: rendered once at build time, then served from Next's cache like the site's cached pages.
export const dynamic = 'force-static';

export default function Page() {
  return (
    <main>
      <h1>{content.title}</h1>
      {content.paragraphs.map((text, i) => (
        <p key={i}>{text}</p>
      ))}
    </main>
  );
}
