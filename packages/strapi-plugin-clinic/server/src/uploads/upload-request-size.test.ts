import { declaredLengthProblem, isMultipart, MultipartMeter, multipartBoundaryOf, PART_OVERHEAD_BYTES, uploadRequestBudget } from './upload-request-size';

const MB = 1024 * 1024;
const BOUNDARY = '----clinicBoundary42';
const part = (name: string, body: Buffer | string) =>
  Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`), Buffer.from(body), Buffer.from('\r\n')]);
const end = Buffer.from(`--${BOUNDARY}--\r\n`);

/** Feeds the body in chunks of the given size and returns the meter. */
const metered = (body: Buffer, chunkSize: number) => {
  const meter = new MultipartMeter(BOUNDARY);
  for (let at = 0; at < body.length; at += chunkSize) meter.write(body.subarray(at, at + chunkSize));
  return meter;
};

describe('a multipart request refused from its headers', () => {
  it('refuses a declared length over the budget, naming sizes and what is allowed', () => {
    expect(uploadRequestBudget(10 * MB)).toBe(10 * (10 * MB + PART_OVERHEAD_BYTES));
    expect(declaredLengthProblem(String(200 * MB), 10 * MB)).toMatch(/^The upload is 200 MB, more than one request may carry \(100\.2 MB: up to 10 pictures of at most 10 MB each\); it was refused before it was read\. Allowed: JPEG/);
    expect(declaredLengthProblem(String(uploadRequestBudget(10 * MB) + 1), 10 * MB)).not.toBeNull();
  });

  it('lets a request within the budget, or without a usable length, be read (and metered)', () => {
    expect(declaredLengthProblem(String(uploadRequestBudget(10 * MB)), 10 * MB)).toBeNull();
    expect(declaredLengthProblem(String(11 * MB), 10 * MB)).toBeNull();
    expect(declaredLengthProblem(undefined, 10 * MB)).toBeNull();
    expect(declaredLengthProblem('12abc', 10 * MB)).toBeNull();
  });

  it('knows a multipart body and its boundary', () => {
    expect(isMultipart('multipart/form-data; boundary=x')).toBe(true);
    expect(isMultipart('Multipart/Mixed')).toBe(true);
    expect(isMultipart('application/json')).toBe(false);
    expect(isMultipart(undefined)).toBe(false);
    expect(multipartBoundaryOf(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
    expect(multipartBoundaryOf('multipart/form-data; boundary="a b;c"')).toBe('a b;c');
    expect(multipartBoundaryOf('multipart/form-data')).toBeNull();
  });
});

describe('a multipart body metered as it arrives', () => {
  const limit = 64 * 1024;

  it('restarts the count at each part, however the chunks split the boundary', () => {
    const body = Buffer.concat([part('a.png', Buffer.alloc(limit, 1)), part('b.png', Buffer.alloc(limit, 2)), part('c.png', Buffer.alloc(1000, 3)), end]);
    for (const chunkSize of [1, 7, 19, 1000, 65_536, body.length]) {
      const meter = metered(body, chunkSize);
      expect({ chunkSize, total: meter.totalBytes }).toEqual({ chunkSize, total: body.length });
      expect(meter.partBytes).toBeLessThan(10);
      expect(meter.problem(limit)).toBeNull();
    }
  });

  it('stops at a file over the limit, in whichever part it comes', () => {
    for (const chunkSize of [13, 4096]) {
      const meter = new MultipartMeter(BOUNDARY);
      const body = Buffer.concat([part('small.png', 'png'), part('huge.png', Buffer.alloc(limit + PART_OVERHEAD_BYTES + 1))]);
      let stoppedAt = -1;
      for (let at = 0; at < body.length && stoppedAt === -1; at += chunkSize) {
        meter.write(body.subarray(at, at + chunkSize));
        if (meter.problem(limit)) stoppedAt = at;
      }
      expect(stoppedAt).toBeGreaterThan(limit);
      expect(meter.problem(limit)).toMatch(/^A file in the upload is over the 64 KB limit; reading stopped there and nothing was stored\./);
    }
  });

  it('stops a request over the budget even when each of its files is within the limit', () => {
    const files = Array.from({ length: 11 }, (_, i) => part(`${i}.png`, Buffer.alloc(limit + 10_000)));
    const meter = metered(Buffer.concat([...files, end]), 8192);
    expect(meter.problem(limit)).toMatch(/^The upload is more than one request may carry/);
  });

  it('without a boundary, counts the whole body as one part', () => {
    const meter = new MultipartMeter(null);
    meter.write(Buffer.alloc(limit + PART_OVERHEAD_BYTES + 1));
    expect(meter.problem(limit)).toMatch(/over the 64 KB limit/);
  });
});
