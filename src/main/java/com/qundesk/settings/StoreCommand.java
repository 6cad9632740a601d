package com.qundesk.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of a credential store's command-line tool: the secret, if any, goes to its standard input (never its
 * arguments, which every user of the machine can list); its output is read while it runs and it is given a few
 * seconds (a locked store that pops up a prompt nobody answers must not hang the app). What it printed is never
 * logged: a tool may echo what it was given.
 */
final class StoreCommand {

    static final long TIMEOUT_SECONDS = 5;

    /** What a finished run printed on its output and its error output, and its exit code. */
    record Result(int code, byte[] out, byte[] err) {
        boolean ok() {
            return code == 0;
        }
    }

    private StoreCommand() {
    }

    /** Runs {@code command} with {@code input} on its standard input; empty when it could not run or took too long. */
    static Optional<Result> run(List<String> command, byte[] input) {
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()),
                    Thread::startVirtualThread);
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()),
                    Thread::startVirtualThread);
            try (OutputStream in = p.getOutputStream()) {
                in.write(input);
            } catch (IOException e) {
                // the tool ended before reading it all: its exit code says what happened
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                return Optional.empty();
            }
            return Optional.of(new Result(p.exitValue(), out.get(TIMEOUT_SECONDS, TimeUnit.SECONDS),
                    err.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } finally {
            p.destroyForcibly();
        }
    }

    private static byte[] readAll(InputStream s) {
        try (s) {
            return s.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
