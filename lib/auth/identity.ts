import type { Result } from "../result";

/**
 * The signed-in user, as the identity proxy vouches for them.
 * @public
 */
export interface Identity {
  /** Who they are in audit records and CloudTrail: the email when the proxy sends one, else its user id. */
  user: string;
  email: string | null;
  /** Groups from the proxy; they decide which configured accounts the user sees. */
  groups: string[];
  via: "oauth2-proxy" | "auth-request" | "alb";
}

/** A request without identity headers, or with ones that do not check out: the routes answer 401. */
export type AuthResult = Result<Identity, "auth.unauthenticated">;

/** Header access as both the Fetch API's Headers and Next's request headers offer it. */
export interface HeaderSource {
  get(name: string): string | null;
}
