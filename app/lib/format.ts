// Dates are written in one place, core/kernel/time.ts; the web layer's name for them stays.
export { formatDate, formatDateTime, isoDate } from "../../core/kernel/time.ts";
