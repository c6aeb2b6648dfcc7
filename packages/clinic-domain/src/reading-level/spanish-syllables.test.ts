import { spanishSyllableCount } from './spanish-syllables';

describe('spanishSyllableCount', () => {
  it.each([
    ['casa', 2],
    ['hospital', 3],
    ['paciente', 3], // pa-cien-te: diphthong
    ['anestesia', 4], // a-nes-te-sia
    ['tratamiento', 4], // tra-ta-mien-to
    ['ciudad', 2], // ciu-dad: two weak vowels
    ['Uruguay', 3], // U-ru-guay: triphthong
    ['buey', 1],
    ['día', 2], // dí-a: an accented weak vowel breaks the diphthong
    ['país', 2],
    ['cirugía', 4],
    ['reúne', 3],
    ['leer', 2], // le-er: two strong vowels
    ['poeta', 3],
    ['caos', 2],
    ['ahora', 3],
    ['pingüino', 3],
    ['que', 1],
    ['hoy', 1],
    ['muy', 1],
    ['y', 1],
    ['mayo', 2], // "y" before a vowel is a consonant
    ['vertebroplastia', 5],
    ['recuperación', 5],
    ['Cifoplastia', 4],
  ])('%s has %i syllables', (word, expected) => {
    expect(spanishSyllableCount(word)).toBe(expected);
  });

  it('counts nothing in a token without letters, and at least one in a word without vowels', () => {
    expect(spanishSyllableCount('123')).toBe(0);
    expect(spanishSyllableCount('TC')).toBe(1);
  });
});
