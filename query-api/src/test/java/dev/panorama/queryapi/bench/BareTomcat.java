package dev.panorama.queryapi.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * The servlet container alone, for query (g) of the benchmark: the Tomcat the API embeds, in a JVM of its own, with
 * one servlet that answers every GET with a small problem document (400), as the API refuses a malformed id, and
 * nothing else (no Spring, no authentication, no metrics). What any API on this container pays per request here.
 * {@code java … BareTomcat <port>}.
 */
public final class BareTomcat {

    private static final byte[] PROBLEM = """
        {"type":"about:blank","title":"Bad Request","status":400,"detail":"not an order id"}"""
        .getBytes(StandardCharsets.UTF_8);

    private BareTomcat() {
    }

    public static void main(String[] args) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("bare-tomcat").toString());
        tomcat.setPort(Integer.parseInt(args[0]));
        tomcat.getConnector();
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "problem", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                response.setContentType("application/problem+json");
                response.setContentLength(PROBLEM.length);
                response.getOutputStream().write(PROBLEM);
            }
        });
        context.addServletMappingDecoded("/*", "problem");
        tomcat.start();
        tomcat.getServer().await();
    }
}
