package com.qundesk.flash;

/**
 * How the registry's flash groups ended or stand: dissolved on time (within the grace after their due time) or
 * late, and of those not ended, overdue or still open.
 */
public record FlashDiscipline(int onTime, int late, int overdue, int open) {
}
