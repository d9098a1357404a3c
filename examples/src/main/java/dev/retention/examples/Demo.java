package dev.retention.examples;

import dev.retention.core.RetentionException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileSystemException;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The demo: {@code java -jar examples/target/retention-demo.jar [COMMAND] [OPTIONS]}. Without a
 * command it runs {@code summary}: it builds a seeded synthetic shop (or loads {@code --events FILE})
 * and prints a summary; {@code help} lists the commands, {@code COMMAND --help} (or
 * {@code help COMMAND}) one command's options. Options are {@code --name value} or
 * {@code --name=value}; an unknown option is refused.
 *
 * <p>Exit codes: {@value #OK} the command ran; {@value #BAD_INPUT} bad input or data (a file that
 * cannot be read, a bad row, amounts too large to add up); {@value #USAGE} a usage error (unknown
 * command or option, missing option, bad option value). Errors are one sentence on stderr; stdout
 * holds the result alone, and the long commands report progress on stderr.
 */
@Command(name = "retention-demo", sortOptions = false, synopsisSubcommandLabel = "[COMMAND]",
        description = "Retention marketing on an event log: segments, metrics, backtests, a report.",
        footer = {"%nWithout a command: summary. Options take their value as --name value or --name=value.",
                "One command's options: retention-demo COMMAND --help, or retention-demo help COMMAND."},
        subcommands = {SummaryCommand.class, SegmentCommand.class, MetricsCommand.class, CohortsCommand.class,
                BacktestCommand.class, ReportCommand.class, DiffCommand.class, LoyaltyCommand.class, RunCommand.class,
                HelpCommand.class})
public final class Demo implements Callable<Integer> {
    static final int OK = 0;
    static final int BAD_INPUT = 1;
    static final int USAGE = 2;

    /** The exit codes, as {@code help} and every command's {@code --help} list them. */
    static final Map<String, String> EXIT_CODES = exitCodes();

    /** Wide enough that the options' examples do not wrap. */
    private static final int USAGE_WIDTH = 100;
    private static final Set<String> HELP = Set.of("-h", "--help");

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    private Demo() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new Demo())
                .setOut(writer(out))
                .setErr(writer(err))
                .setParameterExceptionHandler(Demo::usageError)
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    command.getErr().println("error: " + sentence(e));
                    return BAD_INPUT;
                });
        document(cli);
        try {
            return cli.execute(withDefaultCommand(args));
        } finally {
            cli.getOut().flush();
            cli.getErr().flush();
        }
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return OK;
    }

    /** No command, or an option first: the summary. */
    private static String[] withDefaultCommand(String[] args) {
        if (args.length > 0 && (!args[0].startsWith("-") || HELP.contains(args[0]))) {
            return args;
        }
        List<String> all = new ArrayList<>(List.of(args));
        all.add(0, "summary");
        return all.toArray(String[]::new);
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + refusal(e, command));
        command.usage(err);
        return USAGE;
    }

    private static String refusal(ParameterException e, CommandLine command) {
        if (!(e instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return e.getMessage();
        }
        String first = unmatched.getUnmatched().get(0);
        if (!first.startsWith("-")) {
            return command.getParent() == null ? "unknown command '" + first + "'"
                    : "unexpected argument '" + first + "': options are --name value or --name=value";
        }
        String option = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
        String valid = command.getCommandSpec().options().stream().map(o -> o.longestName())
                .collect(Collectors.joining(", "));
        return "unknown option '" + option + "'; the options of " + command.getCommandName() + " are " + valid;
    }

    /** One sentence for a failure: no class names, the file, row or customer where there is one. */
    static String sentence(Throwable e) {
        if (e instanceof ArithmeticException) {
            return "amounts too large to add up (" + e.getMessage() + ")";
        }
        if ((e instanceof UncheckedIOException || e instanceof CompletionException
                || e instanceof ExecutionException) && e.getCause() != null) {
            return sentence(e.getCause());
        }
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            return "cannot use " + fs.getFile() + ": " + BadInputException.reason(fs);
        }
        if (e instanceof IOException io) {
            return "input/output error: " + BadInputException.reason(io);
        }
        if ((e instanceof BadInputException || e instanceof RetentionException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException) && e.getMessage() != null) {
            return e.getMessage();
        }
        // a bug rather than bad input: the type is all there is to say
        return "unexpected failure: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private static void document(CommandLine cli) {
        List<CommandLine> all = new ArrayList<>(cli.getSubcommands().values());
        all.add(cli);
        for (CommandLine c : all) {
            c.getCommandSpec().usageMessage().width(USAGE_WIDTH).sortSynopsis(false)
                    .exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
        }
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(Integer.toString(OK), "the command ran");
        codes.put(Integer.toString(BAD_INPUT), "bad input or data: a file that cannot be read, a bad row, amounts too "
                + "large to add up");
        codes.put(Integer.toString(USAGE), "usage error: unknown command or option, missing option, bad option value");
        return Collections.unmodifiableMap(codes);
    }

    /** A writer onto the stream, so text is encoded once, by the stream. */
    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                stream.append(CharBuffer.wrap(buf, off, len));
            }

            @Override
            public void flush() {
                stream.flush();
            }

            @Override
            public void close() {
                stream.flush();
            }
        }, true);
    }
}
