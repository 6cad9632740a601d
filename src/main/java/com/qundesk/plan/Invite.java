package com.qundesk.plan;

import java.time.Instant;

/** What the operator recorded about a group's invite QR code: when it was refreshed, and how the group recruits. */
public record Invite(long groupId, Instant qrRefreshedAt, boolean advertisesQr, boolean recruiting) {

    public static Invite none(long groupId) {
        return new Invite(groupId, null, true, false);
    }
}
