/** esbuild's text loader (scripts/build-ide.mjs): a `.graphql` file imports as its text. */
declare module '*.graphql' {
  const text: string;
  export default text;
}
