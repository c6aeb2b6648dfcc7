import { parse } from 'graphql';
import { fragmentProblem } from './fragment-references';

describe('fragmentProblem', () => {
  it('passes operations whose fragments are all defined and acyclic', () => {
    expect(fragmentProblem(parse('fragment A on P { title ...B } fragment B on P { slug } { ps { ...A ... on P { id } } }'))).toBeNull();
    expect(fragmentProblem(parse('{ ps { title } }'))).toBeNull();
  });

  it('names an unknown fragment', () => {
    expect(fragmentProblem(parse('{ ps { ...Nope } }'))).toBe('Unknown fragment "Nope".');
  });

  it('names a fragment that spreads itself, directly or through others, with or without fields between', () => {
    expect(fragmentProblem(parse('fragment A on P { ...A } { ps { ...A } }'))).toBe('Cannot spread fragment "A" within itself.');
    expect(fragmentProblem(parse('fragment A on P { t ...B } fragment B on P { x { ...A } } { ps { ...A } }'))).toMatch(/Cannot spread fragment "[AB]" within itself/);
  });
});
