package dev.panorama.loadgen;

/** The command kinds the generator sends, each one HTTP request to one service. */
enum Command {
    REGISTER_CONSUMER("consumer-service"),
    RENAME_CONSUMER("consumer-service"),
    CHANGE_CONSUMER_ADDRESS("consumer-service"),
    CREATE_RESTAURANT("restaurant-service"),
    RENAME_RESTAURANT("restaurant-service"),
    REVISE_MENU("restaurant-service"),
    CREATE_ORDER("order-service"),
    REVISE_ORDER("order-service"),
    APPROVE_ORDER("order-service"),
    REJECT_ORDER("order-service"),
    CANCEL_ORDER("order-service"),
    SCHEDULE_DELIVERY("delivery-service"),
    ASSIGN_COURIER("delivery-service"),
    PICK_UP_DELIVERY("delivery-service"),
    MARK_DELIVERED("delivery-service");

    private final String service;

    Command(String service) {
        this.service = service;
    }

    String service() {
        return service;
    }
}
