package dev.panorama.queryapi.adapter.in.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;

/**
 * Tomcat's own error page for requests it refuses before any servlet runs (an encoded slash in the path,
 * a malformed request line): a problem document instead of HTML.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                String type = status < 500 ? "bad-request" : "internal";
                writer.write("{\"type\":\"" + Problems.BASE + type + "\",\"title\":\"" + (status < 500 ? "Bad request" : "Internal error")
                    + "\",\"status\":" + status + ",\"detail\":\"the request was not accepted by the server\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response committed: nothing more to say
        }
    }
}
