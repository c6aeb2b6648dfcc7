export default {
  config: {
    // Spanish-speaking staff switch the admin language in their profile.
    locales: ['es'],
  },
  bootstrap() {},
};
