export * from "./batch";
export * from "./diagnosis";
export * from "./error";
export * from "./lookup-request";
export * from "./lookup-status";
export * from "./stream";
export * from "./snapshot";
export * from "./portal";
