package dev.retention.examples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The demo: {@code java -jar examples/target/retention-demo.jar [COMMAND] [--option value ...]}.
 * Without a command it builds a seeded synthetic shop (or loads {@code --events FILE}) and prints a
 * summary; {@code help} lists the commands.
 */
public final class Demo {
    private static final List<DemoCommand> COMMANDS = List.of(
            new SummaryCommand(),
            new SegmentCommand(),
            new MetricsCommand(),
            new CohortsCommand(),
            new BacktestCommand(),
            new ReportCommand(),
            new DiffCommand(),
            new LoyaltyCommand());

    private Demo() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = Arrays.asList(args);
        DemoCommand command = COMMANDS.get(0);
        if (!rest.isEmpty() && !rest.get(0).startsWith("--")) {
            String name = rest.get(0);
            if (name.equals("help")) {
                printUsage(out);
                return 0;
            }
            command = COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
            if (command == null) {
                err.println("unknown command '" + name + "'");
                printUsage(err);
                return 2;
            }
            rest = rest.subList(1, rest.size());
        }
        try {
            return command.run(DemoCommand.Arguments.parse(rest), out);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: " + command.name() + " " + command.usage());
            return 2;
        } catch (Exception e) {
            err.println("error: " + e);
            return 1;
        }
    }

    private static void printUsage(PrintStream out) {
        out.println("usage: java -jar retention-demo.jar [COMMAND] [OPTIONS]");
        for (DemoCommand c : COMMANDS) {
            out.printf("  %-10s %s%n", c.name(), c.usage());
        }
    }
}
