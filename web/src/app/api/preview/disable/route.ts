import { cookies, draftMode } from 'next/headers';
import { PREVIEW_PIN_COOKIE } from '@/lib/preview/preview-pin';
import { redirect } from 'next/navigation';

export async function GET() {
  (await draftMode()).disable();
  (await cookies()).delete(PREVIEW_PIN_COOKIE);
  redirect('/');
}
