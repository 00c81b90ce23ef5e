package org.rehabnet.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders a Kustomize directory the way an operator applies it: {@code kubectl kustomize <dir>} (kubectl
 * carries Kustomize; no cluster is contacted). The check runs on what kubectl renders, not on the files,
 * so patches and overlays are checked as applied.
 */
final class Kustomize {

  private static final long TIMEOUT_SECONDS = 60;

  static String render(Path directory) {
    return render(directory, System.getenv().getOrDefault("KUBECTL", "kubectl"));
  }

  static String render(Path directory, String kubectl) {
    Process process;
    try {
      process = new ProcessBuilder(List.of(kubectl, "kustomize", directory.toString())).start();
    } catch (IOException e) {
      throw new IllegalStateException("kubectl was not found (tried '" + kubectl + "'): the deploy check renders "
          + "deploy/k8s/overlays/* with 'kubectl kustomize'. Install kubectl (it carries Kustomize) or set KUBECTL "
          + "to its path.", e);
    }
    try {
      process.getOutputStream().close();
      CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
      CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("kubectl kustomize " + directory + " did not finish in " + TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("kubectl kustomize " + directory + " failed (exit " + process.exitValue() + "): "
            + stderr.join().strip());
      }
      return stdout.join();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rendering " + directory, e);
    }
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Kustomize() {}
}
