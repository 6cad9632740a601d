package com.qundesk.group;

import java.util.Objects;

/**
 * Which groups a reading covers: the whole team's (every group), one operator's (the groups assigned to them) or
 * the unassigned ones. The dashboard and {@code qundesk health} read per operator through it: its SQL restricts the
 * queries to the chosen groups (by {@code ix_group_assignee}), so no other operator's rows are read, and the team's
 * reading stays the query it always was.
 *
 * @param assignee the operator's login, or null: with {@code team} false, the unassigned groups
 */
public record GroupScope(boolean team, String assignee) {

    public static final GroupScope TEAM = new GroupScope(true, null);
    public static final GroupScope UNASSIGNED = new GroupScope(false, null);

    public GroupScope {
        if (team && assignee != null) {
            throw new IllegalArgumentException("the team's scope names no operator");
        }
        assignee = assignee == null || assignee.isBlank() ? null : assignee.strip();
    }

    /** The groups assigned to {@code login}. */
    public static GroupScope of(String login) {
        Objects.requireNonNull(login, "login");
        if (login.isBlank()) {
            throw new IllegalArgumentException("an operator's login is not blank");
        }
        return new GroupScope(false, login);
    }

    public boolean covers(Group g) {
        return team || Objects.equals(assignee, g.assignee());
    }

    /** The groups of {@code groups} the scope covers (the list itself for the team). */
    public java.util.List<Group> filter(java.util.List<Group> groups) {
        return team ? groups : groups.stream().filter(this::covers).toList();
    }

    /**
     * The condition on a {@code chat_group} row (the table named {@code alias}, or unqualified when it is empty) as
     * {@code " AND …"}, empty for the team. The login is written as an SQL string literal (quotes doubled, which
     * both databases read alike), so that the condition can sit in the subqueries other repositories build.
     */
    public String andGroup(String alias) {
        return team ? "" : " AND " + condition(alias.isEmpty() ? "assignee" : alias + ".assignee");
    }

    private String condition(String column) {
        return assignee == null ? column + " IS NULL" : column + " = '" + assignee.replace("'", "''") + "'";
    }

    /** The live groups of the scope as an SQL subquery of ids ({@link GroupRepository#LIVE_GROUP_IDS} for the team). */
    public String liveGroupIds() {
        return GroupRepository.LIVE_GROUP_IDS + andGroup("");
    }

    /** {@code " AND group_id IN (…groups of the scope, live or not…)"}; empty for the team. */
    public String andGroupId() {
        return team ? "" : " AND group_id IN (SELECT id FROM chat_group WHERE " + condition("assignee") + ")";
    }

    /** {@code " AND group_id IN (…live groups of the scope…)"} for a table with a {@code group_id}; empty for the team. */
    public String andLiveGroupId() {
        return team ? "" : " AND group_id IN (" + liveGroupIds() + ")";
    }
}
