package com.qundesk.imports.wecom;

import com.qundesk.imports.ImportFormatException;
import com.qundesk.imports.LocalTimes;
import com.qundesk.imports.wecom.WecomResponse.ChangeEvent;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads saved WeCom {@code change_external_chat} callbacks: {@code <xml>…</xml>} one after the other, each parsed on
 * its own by a StAX reader without DTD or external entities. Part of {@link WecomReader}, which says what is refused.
 */
final class WecomCallbackReader {
    private static final int MAX_XML_CHUNK = 1 << 20;
    private static final ThreadLocal<XMLInputFactory> XML = ThreadLocal.withInitial(() -> {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    });

    private WecomCallbackReader() {
    }

    /** Callbacks one after the other; each {@code <xml>…</xml>} is parsed on its own. */
    static List<WecomResponse> readAll(Path file) throws IOException {
        List<WecomResponse> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            StringBuilder chunk = new StringBuilder();
            long lineNo = 0;
            long chunkLine = 0;
            String l;
            while ((l = r.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && l.startsWith("\uFEFF")) {
                    l = l.substring(1);
                }
                String rest = l;
                while (true) {
                    if (chunk.isEmpty()) {
                        if (rest.isBlank()) {
                            break;
                        }
                        chunkLine = lineNo;
                    }
                    int end = rest.indexOf("</xml>");
                    if (end < 0) {
                        chunk.append(rest).append('\n');
                        break;
                    }
                    chunk.append(rest, 0, end + 6);
                    out.add(event(chunk.toString(), chunkLine));
                    chunk.setLength(0);
                    rest = rest.substring(end + 6);
                }
                if (chunk.length() > MAX_XML_CHUNK) {
                    throw new ImportFormatException(chunkLine, "import.error.xml", "callback larger than 1 MiB");
                }
            }
            if (!chunk.isEmpty() && !chunk.toString().isBlank()) {
                out.add(event(chunk.toString(), chunkLine)); // a cut-off callback: reports the XML error
            }
        }
        if (out.isEmpty()) {
            throw new ImportFormatException(0, "import.error.empty");
        }
        return out;
    }

    private static ChangeEvent event(String xml, long line) {
        if (xml.contains("<!DOCTYPE") || xml.contains("<!ENTITY")) {
            throw new ImportFormatException(line, "import.error.xml", "DOCTYPE is not allowed");
        }
        String root = null;
        String event = null;
        String chatId = null;
        String changeType = null;
        String updateDetail = null;
        String joinScene = null;
        String quitScene = null;
        String cnt = null;
        String time = null;
        boolean encrypted = false;
        List<String> members = new ArrayList<>();
        XMLStreamReader r = null;
        try {
            r = XML.get().createXMLStreamReader(new StringReader(xml));
            int depth = 0;
            String[] path = new String[4];
            StringBuilder buf = new StringBuilder();
            loop:
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (depth < path.length) {
                            path[depth] = r.getLocalName();
                        }
                        depth++;
                        if (depth == 1) {
                            root = r.getLocalName();
                        }
                        buf.setLength(0);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                            buf.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        String v = buf.toString().strip();
                        buf.setLength(0);
                        if (depth == 1) {
                            switch (path[1]) {
                                case "Event" -> event = v;
                                case "ChatId" -> chatId = v;
                                case "ChangeType" -> changeType = v;
                                case "UpdateDetail" -> updateDetail = v;
                                case "JoinScene" -> joinScene = v;
                                case "QuitScene" -> quitScene = v;
                                case "MemChangeCnt" -> cnt = v;
                                case "CreateTime" -> time = v;
                                case "Encrypt" -> encrypted = true;
                                default -> {
                                    // ToUserName, FromUserName, MsgType, member versions: not needed
                                }
                            }
                        } else if (depth == 2 && "MemChangeList".equals(path[1]) && "Item".equals(path[2])
                                && !v.isEmpty()) {
                            members.add(v);
                        }
                        if (depth == 0) {
                            break loop;
                        }
                    }
                    default -> {
                        // comments, processing instructions
                    }
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof ImportFormatException ife) {
                throw ife;
            }
            long at = e instanceof XMLStreamException x && x.getLocation() != null
                    ? line + Math.max(0, x.getLocation().getLineNumber() - 1) : line;
            throw new ImportFormatException(at, "import.error.xml", String.valueOf(e.getMessage()));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
        if (!"xml".equals(root)) {
            throw new ImportFormatException(line, "import.error.notFormat", WecomReader.FORMAT);
        }
        if (event == null && encrypted) {
            throw new ImportFormatException(line, "import.wecom.encrypted");
        }
        if (!"change_external_chat".equals(event)) {
            throw new ImportFormatException(line, "import.wecom.event", event == null ? "" : event);
        }
        if (chatId == null || chatId.isEmpty()) {
            throw new ImportFormatException(line, "import.wecom.missing", "ChatId");
        }
        return new ChangeEvent(chatId, changeType, updateDetail, xmlCount(joinScene, "JoinScene", line),
                xmlCount(quitScene, "QuitScene", line), xmlCount(cnt, "MemChangeCnt", line), members,
                xmlTime(time, line));
    }

    private static Integer xmlCount(String v, String field, long line) {
        if (v == null || v.isEmpty()) {
            return null;
        }
        Long parsed = WecomReader.wholeNumber(v);
        if (parsed == null) {
            throw new ImportFormatException(line, "import.wecom.badNumber", field, v);
        }
        long n = parsed;
        if (n < 0) {
            throw new ImportFormatException(line, "import.wecom.negative", field, v);
        }
        if (n > Integer.MAX_VALUE) {
            throw new ImportFormatException(line, "import.wecom.badNumber", field, v);
        }
        return (int) n;
    }

    private static Long xmlTime(String v, long line) {
        if (v == null || v.isEmpty()) {
            return null;
        }
        Long t = WecomReader.wholeNumber(v);
        if (t == null || !LocalTimes.plausible(t)) {
            throw new ImportFormatException(line, "import.wecom.badTime", "CreateTime", v);
        }
        return t;
    }
}
