package dev.panorama.queryapi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Read-only HTTP over Panorama's views, with replication lag and read-your-writes. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueryApiApplication.class, args);
    }
}
