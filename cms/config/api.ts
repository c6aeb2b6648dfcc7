export default {
  // strictParams: unknown or malformed parameters are refused (400), not passed through.
  rest: { defaultLimit: 25, maxLimit: 100, withCount: true, strictParams: true },
  documents: { strictParams: true },
};
