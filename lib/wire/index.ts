export * from "./diagnosis";
export * from "./error";
