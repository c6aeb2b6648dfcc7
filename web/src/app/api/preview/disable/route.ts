import { cookies } from 'next/headers';
import { PREVIEW_PIN_COOKIE } from '@/lib/preview/preview-pin';
import { closePreviewSession } from '@/lib/preview/preview-session';
import { redirect } from 'next/navigation';

export async function GET() {
  await closePreviewSession();
  (await cookies()).delete(PREVIEW_PIN_COOKIE);
  redirect('/');
}
