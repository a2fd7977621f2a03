package dev.panorama.consumer;

import dev.panorama.outbox.spring.OutboxConfiguration;
import dev.panorama.snapshot.spring.SnapshotConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The FTGO consumer command service. */
@SpringBootApplication
@Import({OutboxConfiguration.class, SnapshotConfiguration.class})
public class ConsumerServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsumerServiceApplication.class, args);
    }
}
