package org.rehabnet.platform.web.problem;

import java.io.IOException;
import java.io.PrintWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;

/**
 * What Tomcat answers itself, before any servlet or filter runs (an encoded slash or NUL in the path,
 * a malformed request line or header): problem+json with a type URI like every other refusal,
 * instead of Tomcat's HTML page with its version. Nothing of the request is echoed.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, @Nullable Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    ProblemType type = switch (status) {
      case 400, 414, 431 -> ProblemType.REQUEST_REJECTED;
      case 404 -> ProblemType.NOT_FOUND;
      case 405 -> ProblemType.METHOD_NOT_ALLOWED;
      case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
      case 503 -> ProblemType.SERVICE_UNAVAILABLE;
      default -> status < 500 ? ProblemType.REQUEST_REJECTED : ProblemType.INTERNAL;
    };
    try {
      response.setContentType(Problems.PROBLEM_JSON.toString());
      response.setCharacterEncoding("UTF-8");
      PrintWriter writer = response.getReporter();
      if (writer != null) {
        writer.write("{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":" + status
            + "}");
        writer.flush();
      }
    } catch (IOException | IllegalStateException e) {
      // The connection is gone or the response already started: nothing more can be said.
    }
  }
}
