package com.qundesk.value;

import java.time.Instant;

/** Something a group delivered to its members: a benefit, a piece of information, a resource… */
public record ValueEvent(Long id, long groupId, Long campaignId, Instant at, ValueDimension dimension, String title,
                         int reach, String note) {
}
