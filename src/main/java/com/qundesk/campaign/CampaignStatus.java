package com.qundesk.campaign;

/** Derived from the dates unless the campaign was cancelled. */
public enum CampaignStatus {
    PLANNED("planned"), RUNNING("running"), ENDED("ended"), CANCELLED("cancelled");

    private final String token;

    CampaignStatus(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public String messageKey() {
        return "campaignStatus." + token;
    }
}
