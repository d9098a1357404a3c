package dev.retention.examples;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of the demo ({@code java -jar retention-demo.jar NAME ...}). */
interface DemoCommand {

    /** The word that selects the command. */
    String name();

    /** One line: the arguments and what the command prints. */
    String usage();

    /**
     * Runs the command.
     *
     * @return the process exit code
     * @throws IllegalArgumentException for bad arguments; the demo prints the message and the usage
     */
    int run(Arguments args, PrintStream out) throws Exception;

    /** Parsed {@code --name value} options. */
    record Arguments(java.util.Map<String, String> options) {

        static Arguments parse(List<String> args) {
            java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
            for (int i = 0; i < args.size(); i++) {
                String name = args.get(i);
                if (!name.startsWith("--") || name.length() < 3) {
                    throw new IllegalArgumentException("expected an option like --events, got '" + name + "'");
                }
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    options.put(name.substring(2), "true");
                } else {
                    options.put(name.substring(2), args.get(++i));
                }
            }
            return new Arguments(options);
        }

        String required(String name) {
            String value = options.get(name);
            if (value == null) {
                throw new IllegalArgumentException("missing option --" + name);
            }
            return value;
        }

        java.util.Optional<String> optional(String name) {
            return java.util.Optional.ofNullable(options.get(name));
        }
    }
}
