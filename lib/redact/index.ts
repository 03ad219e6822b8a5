export { createRedactor, type JsonValue, type Redactor } from "./redactor";
