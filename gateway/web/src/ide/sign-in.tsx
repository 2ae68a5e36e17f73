import { useState, type FormEvent } from "react";

/** An introspection question: exactly what the IDE needs and what production keeps to analysts and staff. */
const PROBE = "query SignInCheck { __schema { queryType { name } } }";

export interface SignInProps {
  endpoint: string;
  /** Why the analyst is here again (an expired token, say), shown above the form. */
  notice?: string | null;
  onSignIn(token: string): void;
}

/**
 * Production's door for anonymous visitors: a short explanation and a token field, instead of
 * the wall of 403s GraphiQL would show (introspection is closed to anonymous callers). The token
 * is checked with one introspection request before GraphiQL starts, so a wrong token or a role
 * that may not explore is said here in words.
 */
export function SignIn({ endpoint, notice, onSignIn }: SignInProps) {
  const [token, setToken] = useState("");
  const [problem, setProblem] = useState<string | null>(notice ?? null);
  const [checking, setChecking] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const candidate = token.trim().replace(/^Bearer\s+/i, "");
    if (!candidate) return setProblem("Paste a token first.");
    setChecking(true);
    try {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${candidate}` },
        body: JSON.stringify({ query: PROBE }),
      });
      // Read the whole answer: the browser would otherwise hold the request open until the page goes.
      const answer = (await response.json().catch(() => null)) as { data?: { __schema?: unknown } } | null;
      if (response.ok && answer?.data?.__schema) return onSignIn(candidate);
      setProblem(
        response.status === 401
          ? "The gateway did not accept that token (expired, or not signed for this deployment)."
          : response.status === 403
            ? "That token is valid, but its role may not explore the schema: analysts and staff may."
            : `The gateway answered HTTP ${response.status}; try again in a moment.`,
      );
    } catch {
      setProblem("The gateway could not be reached.");
    } finally {
      setChecking(false);
    }
  }

  return (
    <main className="scg-sign-in">
      <h1>Sign in to explore</h1>
      <p>
        This is the Sister Cities Graph IDE. On this deployment the schema, its documentation and free-form queries are
        open to signed-in <strong>analysts</strong> and <strong>staff</strong>; the product's own pages use trusted
        operations and need no sign-in.
      </p>
      <p>
        Paste the token (a JWT) you were given. It stays in this browser tab only (sessionStorage) and is sent as the{" "}
        <code>Authorization</code> header.
      </p>
      <form onSubmit={submit}>
        <label htmlFor="scg-token">Token</label>
        <input
          id="scg-token"
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(event) => setToken(event.target.value)}
          aria-describedby={problem ? "scg-sign-in-problem" : undefined}
        />
        <button type="submit" disabled={checking}>
          {checking ? "Checking…" : "Sign in"}
        </button>
      </form>
      {problem && (
        <p id="scg-sign-in-problem" className="scg-sign-in-problem" role="alert">
          {problem}
        </p>
      )}
    </main>
  );
}
