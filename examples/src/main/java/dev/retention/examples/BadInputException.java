package dev.retention.examples;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file or its data cannot be used: the demo prints the message, a sentence that names the file,
 * row or customer, and exits with 1.
 */
final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadInputException(String sentence, Throwable cause) {
        super(sentence, cause);
    }

    BadInputException(String sentence) {
        super(sentence);
    }

    /** The reason an operating system gave for not reading or writing {@code file}, as a sentence. */
    static BadInputException cannotRead(Path file, IOException cause) {
        return new BadInputException("cannot read " + file + ": " + reason(cause), cause);
    }

    /** As {@link #cannotRead}, for writing. */
    static BadInputException cannotWrite(Path file, IOException cause) {
        return new BadInputException("cannot write " + file + ": " + reason(cause), cause);
    }

    /** Why the operating system refused, in words. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }
}
