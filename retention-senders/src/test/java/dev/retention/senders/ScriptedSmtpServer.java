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

/**
 * An SMTP server on 127.0.0.1 that accepts one connection and refuses the recipient or the message
 * with the reply the test gives: the 4xx and 5xx answers GreenMail does not give.
 */
final class ScriptedSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;

    ScriptedSmtpServer(String rcptReply, String dataReply) {
        try {
            socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(() -> serve(rcptReply, dataReply), "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve(String rcptReply, String dataReply) {
        try (Socket client = socket.accept();
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII)) {
            reply(out, "220 scripted ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 scripted");
                    case "MAIL" -> reply(out, "250 OK");
                    case "RCPT" -> reply(out, rcptReply);
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        for (String body = in.readLine(); body != null && !body.equals("."); body = in.readLine()) {
                            // the message itself does not matter here
                        }
                        reply(out, dataReply);
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client went away: the test has its answer already
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
