package com.qundesk.db;

import com.qundesk.io.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One writer per workspace: an OS file lock on {@code <workspace>.lock}, held while the workspace is open.
 * The lock dies with the process, so a lock file left by a crash is no obstacle; the file itself is never
 * deleted (deleting it would let two openers lock two different files). It holds the holder's PID so the
 * second opener can say who has the workspace.
 *
 * <p>OS file locks belong to the whole JVM, and on POSIX closing <em>any</em> channel on the file drops the
 * JVM's lock on it. So a second opener inside this JVM is refused from the set of held paths below, before it
 * opens the file at all; that set mirrors per-process OS state, which is why it is static.
 */
public final class WorkspaceLock implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WorkspaceLock.class);

    /** The locked byte lies past the PID text, so Windows (mandatory locks) still lets others read the PID. */
    private static final long LOCK_POSITION = 1L << 20;
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path lockFile;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private WorkspaceLock(Path lockFile, Path key, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    public static Path lockFileOf(Path workspace) {
        Path abs = workspace.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".lock");
    }

    /**
     * Takes the lock of {@code workspace} or throws {@link WorkspaceException} {@code workspace.error.locked}
     * naming the process that holds it.
     */
    public static WorkspaceLock acquire(Path workspace) {
        Path lockFile = lockFileOf(workspace);
        Path key = canonical(lockFile);
        if (!HELD_IN_THIS_JVM.add(key)) {
            throw locked(workspace, ProcessHandle.current().pid());
        }
        FileChannel channel = null;
        try {
            channel = OwnerOnlyFiles.openForWrite(lockFile);
            FileLock lock;
            try {
                lock = channel.tryLock(LOCK_POSITION, 1, false);
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                Long holder = readPid(channel);
                channel.close();
                HELD_IN_THIS_JVM.remove(key);
                throw locked(workspace, holder);
            }
            writePid(channel);
            return new WorkspaceLock(lockFile, key, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            HELD_IN_THIS_JVM.remove(key);
            throw new WorkspaceException("workspace.error.lockFile", e, lockFile);
        }
    }

    private static WorkspaceException locked(Path workspace, Long pid) {
        return new WorkspaceException("workspace.error.locked", null, workspace.toAbsolutePath(),
                pid == null ? "?" : Long.toString(pid));
    }

    private static Path canonical(Path lockFile) {
        Path abs = lockFile.toAbsolutePath().normalize();
        try {
            Path parent = abs.getParent();
            // resolve symlinks in the folder (the file may not exist yet)
            return parent == null ? abs : parent.toRealPath().resolve(abs.getFileName());
        } catch (IOException e) {
            return abs;
        }
    }

    private static void writePid(FileChannel channel) throws IOException {
        byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(pid), 0);
        channel.force(false);
    }

    private static Long readPid(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(32);
            int n = channel.read(buf, 0);
            if (n <= 0) {
                return null;
            }
            return Long.parseLong(new String(buf.array(), 0, n, StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    public Path file() {
        return lockFile;
    }

    /** Releases the lock (idempotent). */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            log.warn("Could not release the lock {}", lockFile, e);
        } finally {
            closeQuietly(channel);
            HELD_IN_THIS_JVM.remove(key);
        }
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
