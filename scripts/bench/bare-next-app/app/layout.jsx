/** The reference: a bare Next app of the site's version, with nothing but a static page. */
export const metadata = { title: 'Bare Next.js reference' };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
