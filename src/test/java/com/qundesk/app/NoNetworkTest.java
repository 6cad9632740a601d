package com.qundesk.app;

import com.qundesk.testsupport.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QunDesk makes no network connection: the CLI runs in a child JVM whose every proxy (SOCKS for plain sockets and
 * URL connections, HTTP/HTTPS for URLConnection and HttpClient) points at a canary socket here, and nothing may
 * knock on it. Covers the work that could plausibly phone out: creating and migrating a workspace, the PDF report
 * (fonts), the registry export, and a backup.
 */
class NoNetworkTest {

    @TempDir
    Path dir;

    @Test
    void theCommandLineOpensNoConnection() throws Exception {
        AtomicInteger knocks = new AtomicInteger();
        try (ServerSocket canary = new ServerSocket(0)) {
            Thread.ofVirtual().start(() -> {
                while (!canary.isClosed()) {
                    try (Socket s = canary.accept()) {
                        knocks.incrementAndGet();
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            String port = Integer.toString(canary.getLocalPort());
            List<String> proxies = List.of("-DsocksProxyHost=127.0.0.1", "-DsocksProxyPort=" + port,
                    "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=" + port, "-Dhttps.proxyHost=127.0.0.1",
                    "-Dhttps.proxyPort=" + port, "-Dhttp.nonProxyHosts=", "-Djava.net.useSystemProxies=false");
            Path home = dir.resolve("home");
            String ws = dir.resolve("w.qundesk").toString();
            for (List<String> command : List.of(
                    List.of("demo", "--workspace", ws),
                    List.of("report", "--out", dir.resolve("r.pdf").toString(), "--workspace", ws),
                    List.of("groups", "export", dir.resolve("g.xlsx").toString(), "--workspace", ws),
                    List.of("backup", "--workspace", ws))) {
                ChildJvm.Result r = ChildJvm.run(home, proxies, "com.qundesk.app.Launcher",
                        command.toArray(String[]::new));
                assertThat(r.code()).as(command + ": " + r.err()).isZero();
            }
        }
        assertThat(knocks.get()).as("connections attempted").isZero();
    }
}
