package com.qundesk.plan;

import com.qundesk.value.ValueDimension;

import java.time.Instant;

/** What the operator asks for: an item once at {@code start}, or on {@code rrule} from {@code start}. */
public record PlanRequest(long groupId, ValueDimension dimension, String title, String body, Integer reach,
                          String rrule, Instant start) {
}
