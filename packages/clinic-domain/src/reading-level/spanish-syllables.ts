/**
 * Spanish syllable counts, by the spelling rules every Spanish speller learns: one syllable per
 * vowel nucleus, where a weak vowel (i, u, ü, unaccented) next to another vowel joins it in a
 * diphthong or triphthong, and two strong vowels (a, e, o, or an accented í or ú) stay apart
 * (hiatus). Spanish spelling is regular enough that this is exact for ordinary words; no
 * maintained npm library does it (English-only ones such as `syllable` count Spanish wrongly).
 */

const STRONG = new Set(['a', 'e', 'o', 'á', 'é', 'ó', 'í', 'ú']);
const WEAK = new Set(['i', 'u', 'ü']);
const isVowel = (c: string | undefined) => c !== undefined && (STRONG.has(c) || WEAK.has(c));

/** Syllables of one Spanish word (letters only; anything else is ignored). At least 1 for a word with letters. */
export function spanishSyllableCount(word: string): number {
  const letters = [...word.toLowerCase().normalize('NFC')].filter((c) => /\p{L}/u.test(c));
  if (!letters.length) return 0;
  let count = 0;
  let previousVowel: string | undefined;
  letters.forEach((letter, i) => {
    // "y" is a vowel only where no vowel follows it: "hoy", "muy", the word "y"; else a consonant ("mayo").
    const vowel = letter === 'y' ? (isVowel(letters[i + 1]) ? undefined : 'i') : isVowel(letter) ? letter : undefined;
    if (!vowel) {
      previousVowel = undefined;
      return;
    }
    const hiatus = previousVowel !== undefined && STRONG.has(previousVowel) && STRONG.has(vowel);
    if (previousVowel === undefined || hiatus) count += 1;
    previousVowel = vowel;
  });
  return Math.max(count, 1);
}
