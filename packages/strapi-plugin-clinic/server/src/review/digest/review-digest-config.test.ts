import config, { defaultConfig } from '../../config';

const withDigest = (reviewDigest: Record<string, unknown>) => ({ ...defaultConfig, reviewDigest: { ...defaultConfig.reviewDigest, ...reviewDigest } }) as any;

describe('the review reminder settings', () => {
  it('are off by default, at 07:00 UTC', () => {
    expect(defaultConfig.reviewDigest).toMatchObject({ enabled: false, hour: 7, minute: 0, timezone: 'UTC' });
    expect(() => config.validator(withDigest({ enabled: true, hour: 18, timezone: 'America/Chicago' }))).not.toThrow();
  });

  it.each([
    [{ hour: 24 }, /hour/],
    [{ hour: 7.5 }, /hour/],
    [{ minute: 60 }, /minute/],
    [{ timezone: 'Mars/Olympus' }, /IANA time zone/],
    [{ enabled: 'yes' }, /true or false/],
    [{ adminUrl: 'cms.example.org/admin' }, /http/],
  ])('refuse %j at start-up, saying what is wrong', (bad, message) => {
    expect(() => config.validator(withDigest(bad))).toThrow(message);
  });
});
