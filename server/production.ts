// React and React Router pick their production builds from NODE_ENV when first loaded; the
// development builds are several times slower at rendering. Imported first by server/main.ts.
process.env.NODE_ENV ??= "production";
