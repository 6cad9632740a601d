package com.qundesk.plan;

import java.time.Instant;

/** A group whose invite needs the operator: its QR code lapses (or lapsed) while it still needs one, or it is full. */
public record InviteWarning(long groupId, String groupName, Kind kind, Instant expiresAt, int members) {

    public enum Kind {
        /** The QR code has lapsed and the group still needs one. */
        EXPIRED("expired"),
        /** The QR code lapses within a day and the group has an upcoming event or is recruiting. */
        EXPIRES_SOON("expires-soon"),
        /** Past 200 members a WeChat QR code admits nobody; only invitations work. */
        FULL_FOR_QR("full-for-qr");

        private final String token;

        Kind(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }

        public String messageKey() {
            return "invite.warning." + token;
        }
    }
}
