package liaison.hub.opinion;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The clients of {@link OpinionSubmitBenchmark}, in a JVM of their own so that the hub's CPU per
 * submission is measured apart from theirs, and as light as a load generator should be: each client
 * one plain HTTP/1.1 keep-alive connection over a socket, every request's bytes prepared before the
 * phase starts, and of each answer only the status line and the headers read (the status must be
 * 303 and its Location the tracking page; a body, if any, skipped by its length).
 *
 * <p>Arguments: host, port, path ({@code /o/<token>}), clients. Commands, one a line on standard
 * input: {@code run <plain|multipart> <count> <offset>} prepares {@code count} submissions (the
 * text numbered from {@code offset}) and answers {@code load ready}; {@code go} then sends them and
 * answers {@code load done <seconds> <cpu nanoseconds of this JVM> <nanoseconds of each request,
 * comma-separated>}; {@code end} leaves.
 */
public final class OpinionLoad {
  static final String ANSWER = "load ";

  /** The opinion's text, numbered after it: about 40 Chinese characters and an emoji. */
  static final String TEXT = "小区门口路灯坏了三个月😡，晚上很黑，老人孩子出门不安全，请尽快修复。第 ";

  private OpinionLoad() {}

  public static void main(String[] args) throws Exception {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    String path = args[2];
    int clients = Integer.parseInt(args[3]);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    List<byte[]> prepared = List.of();
    String line;
    while ((line = in.readLine()) != null) {
      String[] command = line.trim().split(" ");
      switch (command[0]) {
        case "run" -> {
          boolean plain = command[1].equals("plain");
          int count = Integer.parseInt(command[2]);
          int offset = Integer.parseInt(command[3]);
          List<byte[]> requests = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            String text = TEXT + (offset + i) + " 条";
            requests.add(request(host, port, path, plain, text, i));
          }
          prepared = requests;
          answer("ready");
        }
        case "go" -> {
          long cpu = cpu();
          long start = System.nanoTime();
          long[] nanos = send(host, port, clients, prepared);
          double seconds = (System.nanoTime() - start) / 1e9;
          StringBuilder each = new StringBuilder();
          for (long n : nanos) {
            each.append(each.isEmpty() ? "" : ",").append(n);
          }
          answer(String.format(Locale.ROOT, "done %.6f %d %s", seconds, cpu() - cpu, each));
        }
        case "end" -> {
          return;
        }
        default -> throw new IllegalArgumentException("unknown command: " + line);
      }
    }
  }

  private static void answer(String what) {
    System.out.println(ANSWER + what);
    System.out.flush();
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * The request as a phone's browser sends the form without photos: with the page's script, a plain
   * body in the form's order (the empty file fields as empty values, the unticked boxes left out);
   * without it, multipart with the three empty file parts.
   */
  private static byte[] request(
      String host, int port, String path, boolean plain, String text, int i) {
    byte[] body;
    String type;
    if (plain) {
      body =
          ("category=TRANSPORT&text="
                  + URLEncoder.encode(text, StandardCharsets.UTF_8)
                  + "&photo1=&photo2=&photo3=&name=&phone=")
              .getBytes(StandardCharsets.UTF_8);
      type = "application/x-www-form-urlencoded";
    } else {
      String boundary = "----bench" + i;
      body = multipart(boundary, text);
      type = "multipart/form-data; boundary=" + boundary;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: "
                + host
                + ":"
                + port
                + "\r\nUser-Agent: liaison-bench\r\nContent-Type: "
                + type
                + "\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static byte[] multipart(String boundary, String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String[] field :
        new String[][] {{"category", "TRANSPORT"}, {"text", text}, {"name", ""}, {"phone", ""}}) {
      out.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field[0]
                  + "\"\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.writeBytes(field[1].getBytes(StandardCharsets.UTF_8));
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    // Three empty file fields, as a browser sends the form when no photo was chosen.
    for (int p = 1; p <= 3; p++) {
      out.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"photo"
                  + p
                  + "\"; filename=\"\"\r\n"
                  + "Content-Type: application/octet-stream\r\n\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** The requests shared by the clients, each on its own connection; every one must answer 303. */
  private static long[] send(String host, int port, int clients, List<byte[]> requests)
      throws Exception {
    long[] nanos = new long[requests.size()];
    AtomicInteger next = new AtomicInteger();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(
            pool.submit(
                () -> {
                  Connection connection = null;
                  try {
                    for (int i = next.getAndIncrement();
                        i < requests.size();
                        i = next.getAndIncrement()) {
                      if (connection == null) {
                        connection = new Connection(host, port);
                      }
                      long t0 = System.nanoTime();
                      boolean keep = connection.exchange(requests.get(i), i);
                      nanos[i] = System.nanoTime() - t0;
                      if (!keep) {
                        connection.close();
                        connection = null;
                      }
                    }
                  } finally {
                    if (connection != null) {
                      connection.close();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    }
    return nanos;
  }

  /** One keep-alive connection: a request written, its answer's head read, its body skipped. */
  private static final class Connection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    Connection(String host, int port) throws IOException {
      socket = new Socket(host, port);
      socket.setTcpNoDelay(true);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream());
    }

    /** Sends one request; whether the connection may be used again. */
    boolean exchange(byte[] request, int i) throws IOException {
      out.write(request);
      out.flush();
      String status = line();
      long length = 0;
      String location = null;
      boolean close = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim();
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "location" -> location = value;
          case "connection" -> close = value.equalsIgnoreCase("close");
          default -> {}
        }
      }
      byte[] body = in.readNBytes((int) length);
      if (!status.startsWith("HTTP/1.1 303") || location == null || !location.startsWith("/t/")) {
        throw new IllegalStateException(
            "submission "
                + i
                + " answered "
                + status
                + " (Location "
                + location
                + "), expected 303 to /t/…: "
                + new String(body, StandardCharsets.UTF_8));
      }
      return !close;
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new IOException("the hub closed the connection mid-answer: " + line);
        }
        if (b != '\r') {
          line.append((char) b);
        }
      }
      return line.toString();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
