/** The card's look, scoped to its shadow root (the host page's CSS cannot reach in, nor this out). */
export const CARD_CSS = `
:host { display: block; }
:host([hidden]) { display: none; }
/* Set here, not inherited from the page: the host page's font and colour stop at the card. */
.card { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937; text-align: start; letter-spacing: normal;
  border: 1px solid #d1d5db; border-radius: 10px; padding: 14px 16px; background: #fff; max-width: 480px; }
.title { margin: 0 0 2px; font-size: 1.15em; font-weight: 650; }
.count { margin: 0 0 10px; color: #4b5563; }
ul { list-style: none; margin: 0; padding: 0; }
li { padding: 5px 0; border-top: 1px solid #f3f4f6; display: flex; justify-content: space-between; gap: 12px; }
li:first-child { border-top: 0; }
.country, .since, .when { color: #6b7280; }
.since, .when { white-space: nowrap; font-size: .9em; }
h3 { font-size: 1em; margin: 14px 0 4px; }
.status { color: #4b5563; }
.error { color: #991b1b; }
button { font: inherit; margin-top: 8px; padding: 4px 12px; border: 1px solid #9ca3af; border-radius: 6px; background: #f9fafb; cursor: pointer; }
button:focus-visible, a:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
a { color: #1d4ed8; }
.credit { margin: 10px 0 0; font-size: .78em; color: #6b7280; }
`;
