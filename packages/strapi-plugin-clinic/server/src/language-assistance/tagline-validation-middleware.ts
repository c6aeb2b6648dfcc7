import { errors } from '@strapi/utils';
import { validateTaglines } from 'clinic-domain';

const CLINIC = 'plugin::clinic.clinic';
const FIELD = 'languageAssistance';

/**
 * The clinic's language assistance taglines are checked on every write path (admin, API, code):
 * a well-formed BCP 47 tag, the language's name, text with {phone} where the clinic's number
 * goes, one tagline per language. A refusal is a 400 listing each problem; an accepted tag is
 * saved with its conventional casing ("zh-hant" becomes "zh-Hant"), since the site marks text with it.
 */
export function taglineValidationMiddleware() {
  return async (ctx: { uid: string; action: string; params: any }, next: () => Promise<unknown>) => {
    if (ctx.uid !== CLINIC || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    const data = ctx.params?.data;
    if (!data || typeof data !== 'object' || !(FIELD in data)) return next();

    const decision = validateTaglines(data[FIELD]);
    if (!decision.valid) {
      const message = `Language assistance taglines: ${decision.problems.join(' ')}`;
      throw new errors.ValidationError(message, { errors: decision.problems.map((problem) => ({ path: [FIELD], message: problem, name: 'ValidationError' })) });
    }
    // Keep what the Content Manager sends along (component ids); only the tag's casing and surrounding spaces change.
    data[FIELD] = (data[FIELD] ?? []).map((entry: Record<string, unknown>, index: number) => ({
      ...entry,
      language: decision.taglines[index]!.language,
      languageName: decision.taglines[index]!.languageName,
      text: decision.taglines[index]!.text,
    }));
    return next();
  };
}
