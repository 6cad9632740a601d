package com.qundesk.imports.wecom;

import java.util.List;

/**
 * One WeCom (企业微信) customer-group API response or callback, as an operator saved it (FORMATS.md §5). Fields the
 * response may leave out are boxed and null when absent.
 */
public sealed interface WecomResponse {

    /**
     * {@code externalcontact/groupchat/list}: one page of customer groups.
     *
     * @param chats      the groups of this page
     * @param nextCursor the cursor of the next page; null when this is the last page (absent or empty)
     */
    record GroupList(List<Entry> chats, String nextCursor) implements WecomResponse {
        public GroupList {
            chats = List.copyOf(chats);
        }

        /**
         * @param chatId the group's id ({@code wr…})
         * @param status 0 normal, 1 the owner left (to be inherited), 2 inheritance in progress, 3 inheritance done;
         *               null when absent
         */
        public record Entry(String chatId, Integer status) {
        }
    }

    /**
     * {@code externalcontact/groupchat/get}: one group with its member list.
     *
     * @param chatId        the group's id
     * @param name          its name (may be empty or null)
     * @param owner         the owner's userid
     * @param createTime    when it was created, epoch second
     * @param notice        the group announcement
     * @param members       the members at the time of the call
     * @param admins        the admins' userids
     * @param memberVersion the member-list version (changes whenever the member list does)
     */
    record GroupDetail(String chatId, String name, String owner, Long createTime, String notice,
                       List<Member> members, List<String> admins, String memberVersion) implements WecomResponse {
        public GroupDetail {
            members = List.copyOf(members);
            admins = List.copyOf(admins);
        }

        /** The member ids, in the response's order. */
        public List<String> memberIds() {
            return members.stream().map(Member::userid).toList();
        }

        /**
         * @param userid        a staff userid or an external contact id ({@code wm…}/{@code wo…})
         * @param type          1 staff, 2 external contact
         * @param unionid       the WeChat unionid of an external contact, when the corp has it
         * @param joinTime      when the member joined, epoch second
         * @param joinScene     1 invited directly, 2 via an invitation link, 3 via a QR code
         * @param inviter       the inviter's userid ({@code invitor.userid} in the API)
         * @param groupNickname the member's nickname in this group
         * @param name          the member's name
         */
        public record Member(String userid, Integer type, String unionid, Long joinTime, Integer joinScene,
                             String inviter, String groupNickname, String name) {
            public static final int STAFF = 1;
            public static final int EXTERNAL = 2;

            public boolean external() {
                return type != null && type == EXTERNAL;
            }
        }
    }

    /**
     * {@code externalcontact/groupchat/statistic}: figures per group owner over the requested days.
     */
    record OwnerStatistic(List<Item> items) implements WecomResponse {
        public OwnerStatistic {
            items = List.copyOf(items);
        }

        public record Item(String owner, Data data) {
        }
    }

    /**
     * {@code externalcontact/groupchat/statistic_group_by_day}: figures per natural day.
     */
    record DayStatistic(List<Item> items) implements WecomResponse {
        public DayStatistic {
            items = List.copyOf(items);
        }

        /**
         * @param statTime the day, as the epoch second of its 00:00 (China time)
         */
        public record Item(Long statTime, Data data) {
        }
    }

    /**
     * The figures of a statistic item (each null when absent).
     *
     * @param newChatCnt            new customer groups
     * @param chatTotal             customer groups in total
     * @param chatHasMsg            groups with at least one message
     * @param newMemberCnt          new members
     * @param memberTotal           members in total
     * @param memberHasMsg          members who sent a message
     * @param msgTotal              messages
     * @param migrateTraineeChatCnt groups migrated from a trainee's account
     */
    record Data(Integer newChatCnt, Integer chatTotal, Integer chatHasMsg, Integer newMemberCnt, Integer memberTotal,
                Integer memberHasMsg, Integer msgTotal, Integer migrateTraineeChatCnt) {
    }

    /**
     * The {@code change_external_chat} callback: a group was created, changed or dismissed.
     *
     * @param chatId       the group's id
     * @param changeType   {@code create}, {@code update} or {@code dismiss}
     * @param updateDetail for an update: {@code add_member}, {@code del_member}, {@code change_owner},
     *                     {@code change_name}, {@code change_notice}
     * @param joinScene    for {@code add_member}: 0 invited by a member, 3 via a QR code
     * @param quitScene    for {@code del_member}: 0 left by themselves, 1 removed by the owner
     * @param memChangeCnt how many members joined or left
     * @param memberIds    the members who joined or left ({@code MemChangeList/Item})
     * @param time         when it happened ({@code CreateTime}), epoch second
     */
    record ChangeEvent(String chatId, String changeType, String updateDetail, Integer joinScene, Integer quitScene,
                       Integer memChangeCnt, List<String> memberIds, Long time) implements WecomResponse {
        public ChangeEvent {
            memberIds = List.copyOf(memberIds);
        }
    }
}
