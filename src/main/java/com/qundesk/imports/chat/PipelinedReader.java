package com.qundesk.imports.chat;

import com.qundesk.imports.ImportCancelledException;
import com.qundesk.imports.Sniff;
import com.qundesk.imports.chat.format.ChatFormat;
import com.qundesk.imports.chat.format.ChatInfo;
import com.qundesk.imports.chat.format.MessageSink;
import com.qundesk.imports.chat.format.ParseContext;
import com.qundesk.imports.chat.format.ParsedMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a parser on a thread of its own and hands what it reads, in batches and in file order, to the importing thread
 * that owns the database connection: on two cores parsing and storing overlap instead of adding up. Everything the
 * parser tells its context (rejected rows, warnings) travels in the same stream, so the session sees it in order and
 * from one thread. A failure on either side stops the other.
 */
final class PipelinedReader {
    private static final int BATCH = 2048;
    /**
     * Batches the parser may read ahead. What waits in the queue is alive at every young collection, and Serial GC
     * copies it while every thread, the FX thread too, stands still: with 16 (32,768 parsed messages, ~10 MB) a
     * UI import's young pauses had a median of 26-34 ms, with 2 of 11 ms, and the import was no slower (A/B
     * alternated in one run, docs/performance.md section 5). Two keep the storing thread fed on two cores.
     */
    private static final int QUEUE_BATCHES = 2;
    private static final Object END = new Object();

    private record Reject(long line, String key, Object[] args) {
    }

    private record Warn(String key, Object[] args) {
    }

    private record Failure(Throwable error) {
    }

    private PipelinedReader() {
    }

    /** Streams {@code sniff.file()} through {@code format} into {@code session}; returns when the file is read. */
    static void run(ChatFormat format, Sniff sniff, ImportSession session) throws IOException {
        BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
        AtomicLong bytes = new AtomicLong(-1);
        ZoneId zone = session.zone();
        final class Producer implements ParseContext, MessageSink {
            volatile boolean stop;
            Object[] batch = new Object[BATCH];
            int size;

            @Override
            public ZoneId zone() {
                return zone;
            }

            @Override
            public boolean cancelled() {
                return stop;
            }

            @Override
            public void reject(long line, String messageKey, Object... args) {
                add(new Reject(line, messageKey, args));
            }

            @Override
            public void warn(String messageKey, Object... args) {
                add(new Warn(messageKey, args));
            }

            @Override
            public void progress(long bytesRead) {
                bytes.set(bytesRead);
            }

            @Override
            public void message(ParsedMessage message) {
                add(message);
            }

            @Override
            public void chat(ChatInfo info) {
                add(info);
            }

            void add(Object o) {
                batch[size++] = o;
                if (size == BATCH) {
                    flush();
                }
            }

            void flush() {
                Object[] full = size == BATCH ? batch : java.util.Arrays.copyOf(batch, size);
                batch = new Object[BATCH];
                size = 0;
                put(full);
            }

            void put(Object[] b) {
                try {
                    while (!queue.offer(b, 50, TimeUnit.MILLISECONDS)) {
                        if (stop) {
                            throw new ImportCancelledException();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ImportCancelledException();
                }
            }
        }
        Producer producer = new Producer();
        Thread thread = Thread.ofPlatform().name("qundesk-parse").daemon(true).start(() -> {
            try {
                format.read(sniff, producer, producer);
                producer.add(END);
                producer.flush();
            } catch (Throwable t) {
                if (!producer.stop) {
                    producer.size = 0;
                    producer.batch = new Object[BATCH];
                    try {
                        producer.put(new Object[]{new Failure(t)});
                    } catch (ImportCancelledException ignored) {
                        // the consumer is gone already
                    }
                }
            }
        });
        try {
            while (true) {
                Object[] b = queue.poll(50, TimeUnit.MILLISECONDS);
                if (b == null) {
                    if (session.cancelled()) {
                        throw new ImportCancelledException();
                    }
                    if (!thread.isAlive() && queue.isEmpty()) {
                        throw new IllegalStateException("parser thread ended without a result");
                    }
                    continue;
                }
                session.progress(bytes.get());
                for (Object o : b) {
                    if (o == END) {
                        return;
                    }
                    switch (o) {
                        case ParsedMessage m -> session.message(m);
                        case ChatInfo info -> session.chat(info);
                        case Reject r -> session.reject(r.line(), r.key(), r.args());
                        case Warn w -> session.warn(w.key(), w.args());
                        case Failure f -> rethrow(f.error());
                        default -> throw new IllegalStateException("unexpected " + o);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportCancelledException();
        } finally {
            producer.stop = true;
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void rethrow(Throwable t) throws IOException {
        switch (t) {
            case IOException io -> throw io;
            case UncheckedIOException u -> throw u.getCause();
            case RuntimeException r -> throw r;
            case Error e -> throw e;
            default -> throw new IllegalStateException(t);
        }
    }
}
