package dev.panorama.queryapi.application.port.out;

import dev.panorama.queryapi.application.OrderHistoryPage;
import dev.panorama.queryapi.application.OrderHistoryQuery;
import dev.panorama.queryapi.application.Versioned;

/** Searches the {@code order-history} view through its current version. */
public interface OrderHistoryReader {

    Versioned<OrderHistoryPage> search(OrderHistoryQuery query);
}
