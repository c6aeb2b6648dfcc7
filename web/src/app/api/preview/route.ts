import { draftMode } from 'next/headers';
import { redirect } from 'next/navigation';
import { secretsMatch } from 'clinic-domain';

/**
 * Opens draft preview for editors and physicians (linked from the Strapi admin). The path
 * must be one of the site's own, so the secret cannot be used as an open redirect.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  if (!secretsMatch(url.searchParams.get('secret'), process.env.PREVIEW_SECRET)) {
    return Response.json({ error: 'Invalid preview secret.' }, { status: 401 });
  }
  const path = url.searchParams.get('path') ?? '/';
  if (!/^\/[a-z]{2,3}(-[A-Za-z0-9]+)?(\/[\w\-%.]*)*$/.test(path)) return Response.json({ error: 'Invalid path.' }, { status: 400 });
  (await draftMode()).enable();
  redirect(path);
}
