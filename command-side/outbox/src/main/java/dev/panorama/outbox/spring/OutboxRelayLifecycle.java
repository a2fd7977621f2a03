package dev.panorama.outbox.spring;

import dev.panorama.outbox.relay.OutboxRelay;
import org.springframework.context.SmartLifecycle;

import java.util.function.Supplier;

/**
 * Runs the relay while the application context runs: it starts after every bean is ready (Flyway
 * has migrated the outbox table by then) and stops before the data source closes. A relay runs once,
 * so a restarted context gets a new one.
 */
final class OutboxRelayLifecycle implements SmartLifecycle {

    private final Supplier<OutboxRelay> relays;
    private OutboxRelay relay;

    OutboxRelayLifecycle(Supplier<OutboxRelay> relays) {
        this.relays = relays;
    }

    @Override
    public synchronized void start() {
        relay = relays.get();
        relay.start();
    }

    @Override
    public synchronized void stop() {
        if (relay != null) {
            relay.close();
            relay = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return relay != null;
    }
}
