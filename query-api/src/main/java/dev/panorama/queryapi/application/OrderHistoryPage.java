package dev.panorama.queryapi.application;

import java.util.List;
import java.util.Map;

/** One page of the order history and, when there is more, the sort key of its last order. */
public record OrderHistoryPage(List<Map<String, Object>> orders, OrderHistoryQuery.SortKey next) {
}
