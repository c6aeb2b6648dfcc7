import { httpStatusForRefusedOperation } from './graphql-http-status';

describe('HTTP status of a refused GraphQL operation', () => {
  it('maps a refused draft read to 403', () => {
    expect(httpStatusForRefusedOperation({ data: null, errors: [{ extensions: { code: 'FORBIDDEN' } }] })).toBe(403);
    expect(httpStatusForRefusedOperation({ data: { clinicProcedures: null }, errors: [{ extensions: { code: 'FORBIDDEN' } }] })).toBe(403);
  });

  it('maps bad input to 400', () => {
    expect(httpStatusForRefusedOperation({ data: null, errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] })).toBe(400);
  });

  it('refuses a whole operation that asked, anywhere in it, for what it may not have', () => {
    expect(httpStatusForRefusedOperation({ data: { a: [], b: null }, errors: [{ extensions: { code: 'FORBIDDEN' } }] })).toBe(403);
    expect(httpStatusForRefusedOperation({ data: { a: [], b: null }, errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] })).toBe(400);
  });

  it('keeps 200 for successes, and for partial answers that nothing refused', () => {
    expect(httpStatusForRefusedOperation({ data: { a: [] } })).toBeNull();
    expect(httpStatusForRefusedOperation({ data: { a: [], b: null }, errors: [{ extensions: { code: 'STRAPI_NOT_FOUND_ERROR' } }] })).toBeNull();
  });

  it('leaves server errors alone rather than disguising them as client errors', () => {
    expect(httpStatusForRefusedOperation({ data: null, errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })).toBeNull();
  });
});
