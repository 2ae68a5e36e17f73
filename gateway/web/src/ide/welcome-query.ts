/**
 * The first tab's text. The sign-in line is the one thing a new analyst needs to know: the IDE
 * works without a token in development, and a token goes in the Headers editor, not in the URL.
 */
export const WELCOME_QUERY = `# Sister Cities Graph: the product's operations are in the tabs above; run one with Ctrl-Enter.
# Sign in: \`npm run token -- --role analyst\` prints a token; put {"Authorization": "Bearer <token>"} in Headers (below).
# "Table" (left) shows the first list of a result as a table and downloads it as CSV.
query GettingStarted {
  community(slug: "seattle-wa-us") {
    name
    country { name }
    sisterCities { partner { name country { name } } partnership { establishedYear } }
  }
}
`;
