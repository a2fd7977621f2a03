package dev.panorama.views.state;

import dev.panorama.views.event.Values.Address;
import dev.panorama.views.event.Values.PersonName;

public record ConsumerState(String id, long version, PersonName name, String email, Address address) implements AggregateState {

    public static final String TYPE = "consumer";

    @Override
    public String aggregateType() {
        return TYPE;
    }

    ConsumerState withName(PersonName newName, long newVersion) {
        return new ConsumerState(id, newVersion, newName, email, address);
    }
}
