package com.qundesk.plan;

import com.qundesk.value.ValueDimension;

import java.time.Instant;

/** The value event as the operator saves it when marking an occurrence delivered; null fields keep the plan's. */
public record DeliveryEdit(ValueDimension dimension, String title, Integer reach, Instant at, String note) {

    public static final DeliveryEdit AS_PLANNED = new DeliveryEdit(null, null, null, null, null);
}
