package dev.panorama.viewbuilder;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The view builder service: consumes the FTGO event topics and maintains the views. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ViewBuilderApplication {

    public static void main(String[] args) {
        SpringApplication.run(ViewBuilderApplication.class, args);
    }
}
