package org.viche.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a generated admin token where only the service's own user can read it. */
final class AdminTokenFile {

    private AdminTokenFile() {
    }

    /**
     * Replaces {@code file} with one holding {@code secret} and a newline. On POSIX systems the
     * file is created with mode 600, never widened afterwards, so no other user can read it even
     * for a moment; elsewhere the user's own directory permissions apply.
     */
    static void write(Path file, String secret) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
    }
}
