import type { Caller } from "../model";

/**
 * Resources that live for one use, whose id AWS makes anew each time: a Session Manager session
 * (`session/<caller>-<random>`). A statement naming the one id seen would never match the next; it names the caller's
 * own sessions (an IAM user's `${aws:username}-*`) or any.
 */
export function ephemeralId(
  service: string,
  typeName: string,
  caller: Caller,
  actionName: string,
): { slot: string; value: string; note: string } | null {
  if (service !== "ssm" || typeName !== "session") return null;
  const own = caller.kind === "iam-user";
  return {
    slot: "SessionId",
    value: own ? "${aws:username}-*" : "*",
    note:
      "Session Manager gives each session a new id (the caller's name, then a random suffix), so the statement names " +
      (own
        ? "the user's own sessions (${aws:username}-*), not the one that was denied."
        : "any session (for IAM users, session/${aws:username}-* limits it to their own), not the one that was denied.") +
      (actionName === "TerminateSession" ? TERMINATE_NOTE : ""),
  };
}

const TERMINATE_NOTE =
  " The AWS CLI calls TerminateSession itself when session-manager-plugin is not installed: if you did not mean " +
  "to end a session, install the plugin and run start-session again.";
