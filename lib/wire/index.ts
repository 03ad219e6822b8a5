export * from "./batch";
export * from "./diagnosis";
export * from "./error";
