package org.rehabnet.test.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedisServerTest {

  @Test
  void answersAndComesBackAtTheSameAddressAfterAStop() throws IOException {
    try (RedisServer redis = RedisServer.startNew()) {
      URI uri = URI.create(redis.uri());
      assertThat(ping(uri)).isEqualTo("+PONG");

      redis.stop();
      assertThatThrownBy(() -> ping(uri)).isInstanceOf(ConnectException.class);

      redis.start();
      assertThat(ping(uri)).isEqualTo("+PONG");
    }
  }

  @Test
  void theSharedServerIsStartedOncePerJvm() {
    assertThat(RedisServer.shared()).isSameAs(RedisServer.shared());
  }

  private static String ping(URI uri) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
      socket.setSoTimeout(2000);
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] answer = new byte[5];
      int read = socket.getInputStream().readNBytes(answer, 0, 5);
      return new String(answer, 0, read, StandardCharsets.US_ASCII);
    }
  }
}
