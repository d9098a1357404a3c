package dev.retention.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.retention.senders.WebhookVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code backtest --webhook URL --secret S}: the last day's messages reach a real (loopback) receiver, signed. */
class BacktestWebhookTest {
    private static final String SECRET = "whsec_demo";
    private final List<Boolean> verified = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        // the replayed decisions are signed now, so the receiver checks them against the real clock
        WebhookVerifier verifier = WebhookVerifier.of(SECRET, Duration.ofMinutes(5), Clock.systemUTC());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                verified.add(verifier.isValid(exchange.getRequestHeaders().getFirst("Retention-Signature"), body));
                keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theLastDaysMessagesArePostedSignedOncePerKey() throws IOException {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";

        Result result = run("backtest", "--events", ProjectData.file("cdnow/orders.csv").toString(),
                "--from", "1998-01-01", "--to", "1998-02-01", "--webhook", url, "--secret", SECRET);

        assertThat(result.code).as(result.err).isZero();
        Matcher line = Pattern.compile("Webhook: the (\\d+) messages sent on 1998-01-31 posted to " + Pattern.quote(url)
                + ": (\\d+) delivered, 0 to retry, 0 failed").matcher(result.out);
        assertThat(line.find()).as(result.out).isTrue();
        int count = Integer.parseInt(line.group(1));
        assertThat(count).isPositive();
        assertThat(Integer.parseInt(line.group(2))).isEqualTo(count);
        assertThat(keys).hasSize(count).doesNotHaveDuplicates();
        assertThat(verified).hasSize(count).containsOnly(true);
    }

    @Test
    void aWebhookWithoutASecretIsAUsageError() {
        Result result = run("backtest", "--events", "x.csv", "--from", "1998-01-01", "--to", "1998-02-01",
                "--webhook", "http://127.0.0.1:1/hook");

        assertThat(result.code).isNotZero();
        assertThat(result.err).contains("--webhook and --secret go together");
        assertThat(keys).isEmpty();
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Demo.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String out, String err) {}
}
