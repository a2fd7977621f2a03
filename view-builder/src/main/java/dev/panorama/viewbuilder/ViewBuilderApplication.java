package dev.panorama.viewbuilder;

import dev.panorama.viewbuilder.redrive.RedriveCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The view builder service: consumes the FTGO event topics and maintains the views. With the argument
 * {@code redrive} it replays the dead-letter topic instead, and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ViewBuilderApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("redrive")) {
            System.exit(RedriveCommand.run(args, System.getenv(), System.out, System.err));
        }
        SpringApplication.run(ViewBuilderApplication.class, args);
    }
}
