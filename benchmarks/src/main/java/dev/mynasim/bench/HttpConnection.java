package dev.mynasim.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One persistent HTTP/1.1 connection to the simulator on loopback, as a browser keeps one: blocking, no redirects
 * followed, bodies read whole (Content-Length or chunked). A connection the server closed is opened again once.
 * Written for the driver's own CPU budget: on a 2-core machine every microsecond the driver spends is taken from the
 * server, and {@code java.net.http.HttpClient} costs several times more per request.
 */
final class HttpConnection implements AutoCloseable {

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    /** Connections opened, for the report (the server closes a keep-alive connection after some requests). */
    private int opened;

    HttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** One exchange; {@code headers} as name, value pairs; {@code body} null for none. */
    Response send(String method, String target, List<String> headers, byte[] body) throws IOException {
        boolean reused = socket != null;
        try {
            return exchange(method, target, headers, body);
        } catch (IOException e) {
            close();
            if (!reused) {
                throw e;
            }
            // the server closed an idle keep-alive connection between two requests: open a new one, once
            return exchange(method, target, headers, body);
        }
    }

    private Response exchange(String method, String target, List<String> headers, byte[] body) throws IOException {
        if (socket == null) {
            open();
        }
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n");
        for (int i = 0; i < headers.size(); i += 2) {
            head.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.write(body);
        }
        out.flush();
        return read(method);
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
        opened++;
    }

    int opened() {
        return opened;
    }

    private Response read(String method) throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new EOFException("connection closed before the response");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(); line != null && !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>(2))
                    .add(line.substring(colon + 1).trim());
        }
        byte[] body;
        String encoding = first(headers, "transfer-encoding");
        String length = first(headers, "content-length");
        boolean close = "close".equalsIgnoreCase(first(headers, "connection"));
        if (method.equals("HEAD") || status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked();
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else {
            body = in.readAllBytes();
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(status, headers, body);
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(4096);
        while (true) {
            String size = line();
            if (size == null) {
                throw new EOFException("connection closed inside a chunked body");
            }
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers are not used by the simulator
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            line();
        }
    }

    /** A header line without its CRLF, or null at the end of the stream. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null ? null : values.get(0);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a loopback socket: nothing to do
            }
        }
        socket = null;
        in = null;
        out = null;
    }

    /** A response: status, headers by lower-case name, body bytes. */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return first(headers, name);
        }

        List<String> all(String name) {
            return headers.getOrDefault(name, List.of());
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = text();
            return status + (header("location") == null ? "" : " Location=" + header("location")) + " "
                    + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }
}
