package org.viche.admin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.viche.error.FieldError;

/**
 * A definition file sent from the create or the edit page, read as the text an author would have pasted:
 * at most as large as the API takes a definition, strictly UTF-8 (a byte-order mark is allowed
 * and dropped). Anything else is a problem shown on the page, never a failure of the request.
 */
final class DefinitionUpload {

    static final String FIELD = "file";

    /** The file's text, or the problem that keeps it from being read; neither when no file was chosen. */
    record Read(String text, FieldError problem) {
        boolean chosen() {
            return text != null || problem != null;
        }
    }

    private DefinitionUpload() {
    }

    static Read read(FileUpload file, long limit) {
        // A form sent without choosing a file still carries an empty part with no file name.
        if (file == null || file.uploadedFile() == null || (file.size() == 0 && (file.fileName() == null || file.fileName().isBlank()))) {
            return new Read(null, null);
        }
        if (file.size() > limit) {
            return problem("fileTooLarge", "is larger than " + limit / 1024 + " KB", limit / 1024);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new IllegalStateException("An uploaded file kept for this request could not be read", e);
        }
        if (bytes.length == 0) {
            return problem("fileEmpty", "is empty");
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
            // PostgreSQL keeps no NUL in text; UTF-16 files decode to text full of them.
            return text.indexOf('\0') >= 0 ? problem("fileNotUtf8", "is not UTF-8 text") : new Read(text, null);
        } catch (CharacterCodingException e) {
            return problem("fileNotUtf8", "is not UTF-8 text");
        }
    }

    private static Read problem(String textCode, String english, Object... args) {
        return new Read(null, ConsoleErrors.own(FIELD, textCode, english, args));
    }
}
