package dev.retention.senders;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * An SMTP server on 127.0.0.1 for one connection that offers STARTTLS (or, told so, does not) and
 * records each command the client sends, marked {@code TLS:} once the connection is encrypted, so a
 * test sees that nothing but {@code EHLO} and {@code STARTTLS} went in plaintext. GreenMail 2.1 speaks
 * SMTPS (TLS from the first byte) but not STARTTLS, hence this server.
 */
final class StartTlsSmtpServer implements AutoCloseable {
    /** The commands the client sent, in order; {@code TLS:} before those sent over TLS. */
    final List<String> commands = new CopyOnWriteArrayList<>();
    /** The letters received (the DATA), over TLS. */
    final List<String> letters = new CopyOnWriteArrayList<>();
    private final ServerSocket socket;
    private final SSLContext tls;
    private final boolean offerStartTls;
    private final Thread thread;

    StartTlsSmtpServer(TestCertificate certificate, boolean offerStartTls) {
        try {
            socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.tls = certificate.serverContext();
        this.offerStartTls = offerStartTls;
        thread = new Thread(this::serve, "starttls-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        try (Socket plain = socket.accept()) {
            BufferedReader in = reader(plain);
            Writer out = writer(plain);
            reply(out, "220 starttls-test ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                commands.add(line);
                String command = command(line);
                if (command.equals("EHLO")) {
                    reply(out, offerStartTls ? "250-starttls-test\r\n250 STARTTLS" : "250 starttls-test");
                } else if (command.equals("STARTTLS") && offerStartTls) {
                    reply(out, "220 go ahead");
                    try (SSLSocket encrypted = (SSLSocket) tls.getSocketFactory().createSocket(plain,
                            plain.getInetAddress().getHostAddress(), plain.getPort(), true)) {
                        encrypted.setUseClientMode(false);
                        encrypted.startHandshake();
                        serveEncrypted(reader(encrypted), writer(encrypted));
                    }
                    return;
                } else if (command.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "530 must issue STARTTLS first");
                }
            }
        } catch (IOException e) {
            // the client went away (or refused our certificate): the test has its answer already
        }
    }

    private void serveEncrypted(BufferedReader in, Writer out) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            commands.add("TLS:" + line);
            switch (command(line)) {
                case "EHLO" -> reply(out, "250-starttls-test\r\n250 AUTH PLAIN");
                case "AUTH" -> {
                    if (line.trim().split(" ").length < 3) { // no initial response: ask for it
                        reply(out, "334 ");
                        commands.add("TLS:" + in.readLine());
                    }
                    reply(out, "235 authenticated");
                }
                case "DATA" -> {
                    reply(out, "354 go ahead");
                    StringBuilder letter = new StringBuilder();
                    for (String body = in.readLine(); body != null && !body.equals("."); body = in.readLine()) {
                        letter.append(body).append('\n');
                    }
                    letters.add(letter.toString());
                    reply(out, "250 queued");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "250 OK");
            }
        }
    }

    private static String command(String line) {
        return line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
    }

    private static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    private static Writer writer(Socket s) throws IOException {
        return new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /**
     * A self-signed certificate for 127.0.0.1, made by the JDK's keytool for the test (GreenMail's
     * own names no host, so a client that checks the server's identity, as SmtpSender does, refuses it).
     */
    static final class TestCertificate {
        private static final char[] PASSWORD = "changeit".toCharArray();
        private final KeyStore keys;

        TestCertificate(Path dir) {
            Path file = dir.resolve("smtp.p12");
            try {
                Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                        "-genkeypair", "-alias", "smtp", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                        "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                        "-keystore", file.toString(), "-storepass", new String(PASSWORD))
                        .redirectErrorStream(true).start();
                String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                    throw new IllegalStateException("keytool failed: " + output);
                }
                keys = KeyStore.getInstance("PKCS12");
                try (var in = Files.newInputStream(file)) {
                    keys.load(in, PASSWORD);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        SSLContext serverContext() {
            try {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, PASSWORD);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(kmf.getKeyManagers(), null, null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** What a shop whose relay has a certificate of its own CA would build: a context trusting it. */
        SSLContext clientContextTrustingIt() {
            try {
                KeyStore trusted = KeyStore.getInstance("PKCS12");
                trusted.load(null, null);
                trusted.setCertificateEntry("smtp", keys.getCertificate("smtp"));
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trusted);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, tmf.getTrustManagers(), null);
                return context;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
