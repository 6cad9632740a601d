package com.qundesk.plan;

import com.qundesk.value.ValueDimension;

import java.time.LocalTime;

/**
 * One item of a plan template: what each group gets, at {@code timeOfDay} on the operator's wall clock, once or
 * on an RFC 5545 rhythm ({@code rrule}, without DTSTART). {@code body} keeps its template variables ({group} …).
 */
public record PlanTemplateItem(Long id, ValueDimension dimension, String title, String body, Integer reach,
                               String rrule, LocalTime timeOfDay) {
}
