// The app stays wiring only: the content model and its rules live in strapi-plugin-clinic.
export default {
  register() {},
  bootstrap() {},
};
