/** Touches facts, checks, a register and retrieval: what the first real question would load. */
export const WARM_UP =
  'Vi er en dansk internetudbyder med 72.000 slutbrugere og vil købe routere fra Huawei i Kina. Er vi omfattet?';
