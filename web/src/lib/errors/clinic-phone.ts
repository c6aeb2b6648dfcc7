import { getSiteChrome } from '@/lib/cms';

export { telHref } from '@/lib/tel-href';

/**
 * The clinic's phone for error pages: from the clinic details (Next's cache, so also while
 * the CMS is down once read), or null when they cannot be read. An error page never fails
 * for want of a phone number: it then asks the visitor to call the clinic.
 */
export async function clinicPhoneOrNull(locale: string): Promise<string | null> {
  try {
    return (await getSiteChrome(locale)).clinic?.phone || null;
  } catch {
    return null;
  }
}
