import { readFileSync, readdirSync } from 'fs';
import path from 'path';

/**
 * The browser gets no interface strings: the layout has no NextIntlClientProvider, so a client
 * component takes its strings as props from the server component that renders it. A client
 * component reaching for next-intl would fail at run time; this says why, before it ships.
 */
const SRC = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('interface strings in the browser', () => {
  const clientComponents = sourceFiles(SRC).filter((file) => /^\s*['"]use client['"]/.test(readFileSync(file, 'utf8')));

  it('are passed as props: no client component imports next-intl', () => {
    expect(clientComponents.length).toBeGreaterThan(0);
    const usingNextIntl = clientComponents.filter((file) => /from ['"](next-intl|use-intl)['"/]/.test(readFileSync(file, 'utf8')));
    expect(usingNextIntl.map((file) => path.relative(SRC, file))).toEqual([]);
  });

  it('are not handed to the browser by the layout', () => {
    const layout = readFileSync(path.join(SRC, 'app/[locale]/layout.tsx'), 'utf8');
    expect(layout).not.toMatch(/<NextIntlClientProvider/);
  });
});
