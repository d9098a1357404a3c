package dev.retention.examples;

import dev.retention.core.event.CustomerEvent;
import dev.retention.core.io.CsvFormatException;
import dev.retention.core.io.CsvImport;
import dev.retention.core.io.CsvMapping;
import dev.retention.core.io.CsvMapping.InvalidMappingException;
import dev.retention.core.io.CsvPartialImportException;
import dev.retention.core.io.CsvProblem;
import dev.retention.core.io.CsvProgress;
import dev.retention.core.io.EventCsvReader;
import dev.retention.core.store.EventStore;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How a command reads its event CSV ({@code --mapping}, {@code --lenient}), mixed into every
 * command that has {@code --events}: the import report and, in lenient mode, the rejected lines go
 * to stderr, so stdout keeps the result alone.
 */
final class EventFileOptions {
    /** Rejected lines printed one by one; the report counts the rest. */
    private static final int PROBLEMS_SHOWN = 10;
    private static final String MAPPINGS = "standard, shopify-orders, online-retail or a mapping JSON file";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--mapping", paramLabel = "FILE|NAME", defaultValue = "standard",
            description = "The CSV's layout: standard (the library's own columns, the default), shopify-orders,"
                    + " online-retail, or the path of a mapping JSON file.")
    String mapping;

    @Option(names = "--lenient", description = "Skip bad rows, each with its whole order, and list them on stderr,"
            + " instead of stopping at the first.")
    boolean lenient;

    /** Reads {@code file} into {@code store}, naming the file and the bad row when it cannot. */
    CsvImport importInto(EventStore store, Path file) {
        return load(file, reader -> reader.importInto(store, file));
    }

    /** Reads {@code file}'s events, naming the file and the bad row when it cannot. */
    List<CustomerEvent> read(Path file) {
        return load(file, reader -> reader.read(file)).events();
    }

    private CsvImport load(Path file, Function<EventCsvReader, CsvImport> how) {
        EventCsvReader reader = (lenient ? EventCsvReader.lenient() : EventCsvReader.strict())
                .withMapping(mapping())
                .withProgress(CsvProgress.bar(System.err, System::nanoTime));
        CsvImport imported;
        try {
            imported = how.apply(reader);
        } catch (CsvFormatException e) {
            CsvProblem problem = e.problem();
            if (e.getCause() instanceof ArithmeticException) {
                // the customer first: that is whose figures to look at
                throw new BadInputException(problem.message() + " on " + lines(problem) + " of " + file, e);
            }
            throw new BadInputException(file + ": " + e.getMessage(), e);
        } catch (CsvPartialImportException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw BadInputException.cannotRead(file, e.getCause());
        }
        report(file, imported);
        return imported;
    }

    private CsvMapping mapping() {
        try {
            return CsvMapping.named(mapping);
        } catch (UncheckedIOException e) {
            throw new BadInputException("cannot read mapping " + mapping + ": " + BadInputException.reason(e.getCause())
                    + " (--mapping takes " + MAPPINGS + ")", e);
        } catch (InvalidMappingException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    private void report(Path file, CsvImport imported) {
        Progress progress = ((DemoCommand) command.userObject()).progress();
        progress.say("%s: %s", file, imported.report());
        imported.problems().stream().limit(PROBLEMS_SHOWN).forEach(p -> progress.say("rejected %s", p));
        if (imported.problems().size() > PROBLEMS_SHOWN) {
            progress.say("and %,d more problems", imported.problems().size() - PROBLEMS_SHOWN);
        }
    }

    private static String lines(CsvProblem problem) {
        List<Long> lines = problem.rejectedLines();
        return lines.size() == 1 ? "line " + lines.get(0)
                : "lines " + lines.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
