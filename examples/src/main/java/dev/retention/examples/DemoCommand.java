package dev.retention.examples;

import dev.retention.rules.segment.InvalidSegmentJsonException;
import dev.retention.rules.segment.Segment;
import dev.retention.rules.segment.SegmentJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * One sub-command of the demo ({@code java -jar retention-demo.jar NAME [OPTIONS]}): a picocli
 * command whose {@link #call()} returns the exit code. Output goes to the command line's
 * {@code out}, progress to its {@code err}; a bad option value is a {@link #usageError usage error}
 * (exit 2), a bad file a {@link BadInputException} (exit 1).
 */
abstract class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** Where the command's result goes. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private Progress progress;

    /** Progress lines on stderr, each starting with the command's name; one clock for the whole command. */
    Progress progress() {
        if (progress == null) {
            progress = new Progress(spec.commandLine().getErr(), spec.name());
        }
        return progress;
    }

    /** A refusal of the options as given: the demo prints the sentence and the command's usage. */
    ParameterException usageError(String sentence) {
        return new ParameterException(spec.commandLine(), sentence);
    }

    /** Reads a segment stored as JSON, naming the file and the JSON path of a mistake. */
    static Segment readSegment(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw BadInputException.cannotRead(file, e);
        }
        try {
            return SegmentJson.standard().read(json);
        } catch (InvalidSegmentJsonException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
    }
}
