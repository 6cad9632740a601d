package com.qundesk.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Everything the app logs, down to DEBUG (the connection pool's settings included), written to a file as the app's
 * own log file is, while open: to check what a log would hold. Closing restores the test's log level.
 */
public final class CapturedLog implements AutoCloseable {

    private final Logger root;
    private final Level level;
    private final FileAppender<ILoggingEvent> appender;
    private final java.util.List<ch.qos.logback.core.Appender<ILoggingEvent>> others;

    private CapturedLog(Logger root, Level level, FileAppender<ILoggingEvent> appender,
                        java.util.List<ch.qos.logback.core.Appender<ILoggingEvent>> others) {
        this.root = root;
        this.level = level;
        this.appender = appender;
        this.others = others;
    }

    public static CapturedLog to(Path file) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d %-5level %logger - %msg%n%ex");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("captured-" + System.nanoTime());
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        Level before = root.getLevel();
        // the test's console keeps its own level: its appenders are set aside meanwhile
        java.util.List<ch.qos.logback.core.Appender<ILoggingEvent>> others = new java.util.ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(others::add);
        others.forEach(root::detachAppender);
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        return new CapturedLog(root, before, appender, others);
    }

    @Override
    public void close() {
        root.setLevel(level);
        root.detachAppender(appender);
        appender.stop();
        others.forEach(root::addAppender);
    }
}
