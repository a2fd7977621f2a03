package dev.panorama.order.adapter.in.web;

import dev.panorama.order.domain.Address;
import dev.panorama.order.domain.MenuItemId;
import dev.panorama.order.domain.OrderedItem;
import dev.panorama.order.domain.OrderedItems;
import dev.panorama.order.domain.Reason;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The request bodies, validated with Bean Validation so that a client sees every field error at once; the
 * rule across fields (a menu item at most once per order) is the value type's own.
 */
final class OrderRequests {

    static final String MENU_ITEM_ID = "[A-Za-z0-9._-]{1,64}";

    private OrderRequests() {
    }

    /** @param deliverAt RFC 3339 with an offset, e.g. {@code 2026-11-08T19:45:00Z}; kept to the microsecond */
    record CreateOrderRequest(@NotNull UUID consumerId,
                              @NotNull UUID restaurantId,
                              @NotNull @Size(min = 1, max = OrderedItems.MAX_ITEMS) List<@NotNull @Valid LineItemBody> lineItems,
                              @NotNull @Valid AddressBody deliveryAddress,
                              @NotNull Instant deliverAt) {

        OrderedItems toOrderedItems() {
            return LineItemsBody.toOrderedItems(lineItems);
        }
    }

    record LineItemsBody(@NotNull @Size(min = 1, max = OrderedItems.MAX_ITEMS) List<@NotNull @Valid LineItemBody> lineItems) {

        OrderedItems toOrderedItems() {
            return toOrderedItems(lineItems);
        }

        static OrderedItems toOrderedItems(List<LineItemBody> lineItems) {
            return new OrderedItems(lineItems.stream().map(LineItemBody::toOrderedItem).toList());
        }
    }

    record LineItemBody(@NotNull @Pattern(regexp = MENU_ITEM_ID, message = "must be 1 to 64 letters, digits, '.', '_' or '-'") String menuItemId,
                        @NotNull @Min(1) @Max(OrderedItem.MAX_QUANTITY) Integer quantity) {

        OrderedItem toOrderedItem() {
            return new OrderedItem(new MenuItemId(menuItemId), quantity);
        }
    }

    record ReasonBody(@NotBlank @Size(max = Reason.MAX_LENGTH) String reason) {

        Reason toReason() {
            return new Reason(reason);
        }
    }

    record AddressBody(@NotBlank @Size(max = 200) String street1,
                       @Size(max = 200) String street2,
                       @NotBlank @Size(max = 100) String city,
                       @NotBlank @Size(max = 20) String postalCode,
                       @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as US") String country) {

        Address toAddress() {
            return new Address(street1, street2, city, postalCode, country);
        }
    }
}
