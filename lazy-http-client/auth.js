// `@actions/http-client/lib/auth` as @actions/core imports it: the real credential handlers, loaded
// eagerly. They are plain classes with no imports of their own (test/bundle.test.ts checks).
export * from 'real-http-client/lib/auth';
