package org.rehabnet.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rehabnet.portal.PortalProperties;

/**
 * The gateway out of reach, against real sockets on loopback: a refused connection is a 503 problem
 * ("cannot be reached", nothing sent), a gateway that takes the request and never answers a 504
 * problem; for a create the 504 says it may have been recorded and that sending it again records it
 * once. Never the transport's exception, which would be Spring's 500 page.
 */
class GatewayUnreachableTest {

  final List<Socket> held = new CopyOnWriteArrayList<>();
  ServerSocket silent;

  @AfterEach
  void close() throws IOException {
    for (Socket socket : held) {
      socket.close();
    }
    if (silent != null) {
      silent.close();
    }
  }

  @Test
  void aGatewayThatRefusesTheConnectionIsAProblemSaying503NothingWasSent() throws IOException {
    int closed;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = probe.getLocalPort();
    }
    Gateway gateway = gateway(closed);

    GatewayProblem problem = catchThrowableOfType(GatewayProblem.class,
        () -> gateway.getAs("token", "/api/monitoring/v1/sites/north/census"));

    assertThat(problem.status()).isEqualTo(503);
    assertThat(problem.title()).isEqualTo("The platform cannot be reached right now");
    assertThat(problem.detail()).contains("Nothing was sent");
  }

  @Test
  void aGatewayThatNeverAnswersIsA504AndACreateMayHaveBeenRecorded() throws IOException {
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(() -> {
      try {
        while (!silent.isClosed()) {
          held.add(silent.accept());
        }
      } catch (IOException closedAtTheEnd) {
        // The test is over.
      }
    });
    Gateway gateway = gateway(silent.getLocalPort());

    GatewayProblem read = catchThrowableOfType(GatewayProblem.class,
        () -> gateway.getAs("token", "/api/monitoring/v1/sites/north/census"));
    GatewayProblem create = catchThrowableOfType(GatewayProblem.class,
        () -> gateway.postOnce("key-1", "/api/monitoring/v1/episodes/e1/vital-signs", Map.of("pulse", 80)));

    assertThat(read.status()).isEqualTo(504);
    assertThat(read.detail()).isEqualTo("Nothing was changed. Try again in a moment.");
    assertThat(create.status()).isEqualTo(504);
    assertThat(create.detail()).contains("may have been recorded", "will not be recorded twice");
  }

  private static Gateway gateway(int port) {
    var properties = new PortalProperties(URI.create("http://127.0.0.1:" + port), Duration.ofMillis(500),
        Duration.ofMinutes(15), Duration.ofMinutes(2), Duration.ofSeconds(30), List.of());
    return new Gateway(properties, request -> null) {
      @Override
      public String token() {
        return "token";
      }
    };
  }
}
