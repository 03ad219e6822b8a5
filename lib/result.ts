/** Expected failures are values: a tagged union with a dotted reason code and a human message. */
export type Result<T, Code extends string = string> = { ok: true; value: T } | { ok: false; error: AppError<Code> };

export interface AppError<Code extends string = string> {
  code: Code;
  message: string;
}

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<Code extends string>(code: Code, message: string): { ok: false; error: AppError<Code> } {
  return { ok: false, error: { code, message } };
}
