package com.qundesk.settings;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The Windows Credential Manager through advapi32 ({@code CredWriteW}, {@code CredReadW}, {@code CredDeleteW},
 * {@code CredFree}) called with {@code java.lang.foreign}: a generic credential ({@code CRED_TYPE_GENERIC}) named
 * {@code QunDesk:user@host:port/database}, kept on this machine for this user ({@code CRED_PERSIST_LOCAL_MACHINE}),
 * the password as UTF-16LE bytes as Windows keeps them. Written against Microsoft's documentation of wincred.h
 * for 64-bit Windows; not run on Windows (docs/team.md says so). The app runs with
 * {@code --enable-native-access=ALL-UNNAMED}.
 */
final class WindowsCredentials implements CredentialStore {

    private static final int CRED_TYPE_GENERIC = 1;
    private static final int CRED_PERSIST_LOCAL_MACHINE = 2;
    /** The blob's limit, CRED_MAX_CREDENTIAL_BLOB_SIZE (5 * 512 bytes). */
    private static final int MAX_BLOB = 5 * 512;
    private static final int ERROR_NOT_FOUND = 1168;

    /** CREDENTIALW on 64-bit Windows: 80 bytes, CredentialBlob at 40, UserName at 72. */
    static final StructLayout CREDENTIAL = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("Flags"),
            ValueLayout.JAVA_INT.withName("Type"),
            ValueLayout.ADDRESS.withName("TargetName"),
            ValueLayout.ADDRESS.withName("Comment"),
            ValueLayout.JAVA_LONG.withName("LastWritten"), // FILETIME: two DWORDs
            ValueLayout.JAVA_INT.withName("CredentialBlobSize"),
            MemoryLayout.paddingLayout(4),
            ValueLayout.ADDRESS.withName("CredentialBlob"),
            ValueLayout.JAVA_INT.withName("Persist"),
            ValueLayout.JAVA_INT.withName("AttributeCount"),
            ValueLayout.ADDRESS.withName("Attributes"),
            ValueLayout.ADDRESS.withName("TargetAlias"),
            ValueLayout.ADDRESS.withName("UserName"));

    private static long offset(String field) {
        return CREDENTIAL.byteOffset(MemoryLayout.PathElement.groupElement(field));
    }

    /** The target name the Credential Manager lists the password under. */
    static String target(String account) {
        return SERVICE + ":" + account;
    }

    @Override
    public Optional<String> read(String account) {
        try (Arena arena = Arena.ofConfined()) {
            Api api = new Api(arena);
            MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
            if ((int) api.read.invokeExact(wide(arena, target(account)), CRED_TYPE_GENERIC, 0, out) == 0) {
                return Optional.empty(); // ERROR_NOT_FOUND, or no store to ask
            }
            MemorySegment cred = out.get(ValueLayout.ADDRESS, 0).reinterpret(CREDENTIAL.byteSize());
            try {
                int size = cred.get(ValueLayout.JAVA_INT, offset("CredentialBlobSize"));
                byte[] blob = cred.get(ValueLayout.ADDRESS, offset("CredentialBlob")).reinterpret(size)
                        .toArray(ValueLayout.JAVA_BYTE);
                return Optional.of(new String(blob, StandardCharsets.UTF_16LE));
            } finally {
                api.free.invokeExact(cred);
            }
        } catch (Throwable e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean write(String account, String password) {
        byte[] blob = password.getBytes(StandardCharsets.UTF_16LE);
        if (blob.length > MAX_BLOB) {
            return false;
        }
        try (Arena arena = Arena.ofConfined()) {
            Api api = new Api(arena);
            MemorySegment cred = arena.allocate(CREDENTIAL); // zeroed: no comment, attributes or alias
            MemorySegment secret = arena.allocate(Math.max(1, blob.length));
            try {
                secret.copyFrom(MemorySegment.ofArray(blob));
                cred.set(ValueLayout.JAVA_INT, offset("Type"), CRED_TYPE_GENERIC);
                cred.set(ValueLayout.ADDRESS, offset("TargetName"), wide(arena, target(account)));
                cred.set(ValueLayout.JAVA_INT, offset("CredentialBlobSize"), blob.length);
                cred.set(ValueLayout.ADDRESS, offset("CredentialBlob"), secret);
                cred.set(ValueLayout.JAVA_INT, offset("Persist"), CRED_PERSIST_LOCAL_MACHINE);
                cred.set(ValueLayout.ADDRESS, offset("UserName"), wide(arena, account));
                return (int) api.write.invokeExact(cred, 0) != 0;
            } finally {
                secret.fill((byte) 0);
            }
        } catch (Throwable e) {
            return false;
        }
    }

    @Override
    public boolean delete(String account) {
        try (Arena arena = Arena.ofConfined()) {
            Api api = new Api(arena);
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            if ((int) api.delete.invokeExact(state, wide(arena, target(account)), CRED_TYPE_GENERIC, 0) != 0) {
                return true;
            }
            return (int) api.lastError.get(state, 0L) == ERROR_NOT_FOUND; // nothing kept is what was wanted
        } catch (Throwable e) {
            return false;
        }
    }

    /** A NUL-terminated UTF-16LE string (LPCWSTR). */
    private static MemorySegment wide(Arena arena, String s) {
        return arena.allocateFrom(s, StandardCharsets.UTF_16LE); // adds the two-byte terminator
    }

    /** advapi32's four functions; BOOL is a 32-bit int. */
    private static final class Api {
        final MethodHandle write;
        final MethodHandle read;
        final MethodHandle delete;
        final MethodHandle free;
        /** GetLastError as captured after a call (the layout names it on Windows only). */
        final java.lang.invoke.VarHandle lastError = Linker.Option.captureStateLayout()
                .varHandle(MemoryLayout.PathElement.groupElement("GetLastError"));

        Api(Arena arena) {
            Linker linker = Linker.nativeLinker();
            SymbolLookup advapi = SymbolLookup.libraryLookup("advapi32", arena);
            write = linker.downcallHandle(advapi.findOrThrow("CredWriteW"), FunctionDescriptor.of(ValueLayout.JAVA_INT,
                    ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            read = linker.downcallHandle(advapi.findOrThrow("CredReadW"), FunctionDescriptor.of(ValueLayout.JAVA_INT,
                    ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
            delete = linker.downcallHandle(advapi.findOrThrow("CredDeleteW"), FunctionDescriptor.of(ValueLayout.JAVA_INT,
                    ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT),
                    Linker.Option.captureCallState("GetLastError"));
            free = linker.downcallHandle(advapi.findOrThrow("CredFree"), FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
        }
    }
}
