package com.qundesk.dashboard.ui;

import com.qundesk.value.GroupHealth;
import com.qundesk.value.Recommendation;

/** Which one-click action a recommendation offers (the button text key), if any. */
final class ActionsOnVerdict {

    private ActionsOnVerdict() {
    }

    static String actionKey(GroupHealth h) {
        return switch (h.recommendation()) {
            case DISSOLVE -> "dashboard.action.dissolve";
            case SPLIT -> "dashboard.action.split";
            case RE_FORM -> "dashboard.action.reform";
            case CONVERT_TO_FLASH -> "dashboard.action.convert";
            case IMPROVE, KEEP -> null;
        };
    }

    static boolean actionable(Recommendation r) {
        return r != Recommendation.IMPROVE && r != Recommendation.KEEP;
    }
}
