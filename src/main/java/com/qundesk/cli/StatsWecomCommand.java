package com.qundesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.qundesk.workspace.AppContext;
import com.qundesk.imports.wecom.WecomImportService.Stat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code qundesk stats wecom [--owner USERID] [--from DAY] [--to DAY] --format csv|json}: stored WeCom statistics. */
@Command(name = "wecom", mixinStandardHelpOptions = true, description = "WeCom customer-group statistics kept locally.")
final class StatsWecomCommand extends CliCommand implements Callable<Integer> {
    @Option(names = "--owner", paramLabel = "USERID", description = "one owner ('*' = the by-day figures of all)")
    private String owner;
    @Option(names = "--from", paramLabel = "DAY")
    private LocalDate from;
    @Option(names = "--to", paramLabel = "DAY")
    private LocalDate to;
    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default ${DEFAULT-VALUE})")
    private String format;

    @Override
    public Integer call() throws Exception {
        AppContext ctx = root().open();
        List<Stat> stats = ctx.wecomImports().stats(owner, from, to);
        if ("json".equalsIgnoreCase(format)) {
            out().println(new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(stats.stream().map(s -> java.util.Map.of("owner", s.owner(), "day",
                            s.day().toString(), "data", dataOf(s))).toList()));
        } else {
            out().println("owner,day,new_chat_cnt,chat_total,chat_has_msg,new_member_cnt,member_total,member_has_msg,"
                    + "msg_total,migrate_trainee_chat_cnt");
            for (Stat s : stats) {
                out().println(String.join(",", s.owner(), s.day().toString(), str(s.newChatCnt()), str(s.chatTotal()),
                        str(s.chatHasMsg()), str(s.newMemberCnt()), str(s.memberTotal()), str(s.memberHasMsg()),
                        str(s.msgTotal()), str(s.migrateTraineeChatCnt())));
            }
        }
        return QunDeskCli.OK;
    }

    private static java.util.Map<String, Object> dataOf(Stat s) {
        java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("new_chat_cnt", s.newChatCnt());
        d.put("chat_total", s.chatTotal());
        d.put("chat_has_msg", s.chatHasMsg());
        d.put("new_member_cnt", s.newMemberCnt());
        d.put("member_total", s.memberTotal());
        d.put("member_has_msg", s.memberHasMsg());
        d.put("msg_total", s.msgTotal());
        d.put("migrate_trainee_chat_cnt", s.migrateTraineeChatCnt());
        return d;
    }

    private static String str(Integer v) {
        return v == null ? "" : v.toString();
    }
}
