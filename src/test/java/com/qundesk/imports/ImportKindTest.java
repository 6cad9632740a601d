package com.qundesk.imports;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImportKindTest {

    private static Path resource(String name) throws Exception {
        return Path.of(ImportKindTest.class.getResource("/imports/wecom/" + name).toURI());
    }

    private static ImportKind kind(String head) {
        return ImportKind.of(new Sniff(null, StandardCharsets.UTF_8, head));
    }

    @Test
    void savedWecomResponsesAndCallbacksAreToldFromChatExports() throws Exception {
        for (String name : List.of("groupchat_list.response.json", "groupchat_get.response.json",
                "groupchat_statistic.response.json", "groupchat_statistic_group_by_day.response.json",
                "change_external_chat.update_add_member.callback.xml", "pages.jsonl", "mixed-array.json",
                "callbacks.xml")) {
            assertThat(kind(Files.readString(resource(name)))).as(name).isEqualTo(ImportKind.WECOM);
        }
        assertThat(kind("\uFEFF{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}")).isEqualTo(ImportKind.WECOM);
        assertThat(kind("<?xml version=\"1.0\"?><xml><Event>change_external_chat</Event></xml>")).isEqualTo(ImportKind.WECOM);
        assertThat(kind("{\"chatlab\":{\"version\":\"0.1\"},\"meta\":{},\"messages\":[]}")).isEqualTo(ImportKind.CHAT);
        assertThat(kind("[{\"seq\":1,\"time\":\"2024-01-01T00:00:00+08:00\",\"talker\":\"x\"}]")).isEqualTo(ImportKind.CHAT);
        assertThat(kind("localId,TalkerId,Type,SubType")).isEqualTo(ImportKind.CHAT);
        assertThat(kind("<xml><Event>subscribe</Event></xml>")).isEqualTo(ImportKind.CHAT);
        assertThat(kind(null)).isEqualTo(ImportKind.CHAT);
    }
}
