export { EventQueue } from "./event-queue";
