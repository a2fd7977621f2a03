package dev.panorama.schemas;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCompatibilityTest {

    private static final String PUBLISHED = """
        {"type": "object", "description": "An order was approved.", "required": ["orderId", "state"],
         "properties": {
           "orderId": {"type": "string", "format": "uuid"},
           "state": {"enum": ["APPROVED", "REJECTED"]},
           "note": {"type": "string", "maxLength": 100}}}
        """;

    @Test
    void annotationsAndNewOptionalPropertiesAreCompatible() {
        String current = PUBLISHED
            .replace("An order was approved.", "The restaurant accepted the order.")
            .replace("\"note\":", "\"approvedBy\": {\"type\": \"string\"}, \"note\":")
            .replace("[\"orderId\", \"state\"]", "[\"state\", \"orderId\"]");

        assertThat(SchemaCompatibility.breakingChanges(json(PUBLISHED), json(current))).isEmpty();
    }

    @Test
    void removingAPropertyBreaks() {
        String current = PUBLISHED.replace(",\n   \"note\": {\"type\": \"string\", \"maxLength\": 100}", "");

        assertThat(SchemaCompatibility.breakingChanges(json(PUBLISHED), json(current)))
            .containsExactly("/properties/note: removed");
    }

    @Test
    void retypingAPropertyBreaks() {
        String current = PUBLISHED.replace("\"type\": \"string\", \"format\": \"uuid\"", "\"type\": \"integer\", \"format\": \"uuid\"");

        assertThat(SchemaCompatibility.breakingChanges(json(PUBLISHED), json(current)))
            .containsExactly("/properties/orderId/type: changed from \"string\" to \"integer\"");
    }

    @Test
    void makingAFieldRequiredBreaks() {
        String current = PUBLISHED.replace("[\"orderId\", \"state\"]", "[\"orderId\", \"state\", \"note\"]");

        assertThat(SchemaCompatibility.breakingChanges(json(PUBLISHED), json(current)))
            .singleElement().asString().startsWith("/required: changed");
    }

    @Test
    void changingAConstraintOrAnEnumBreaks() {
        String current = PUBLISHED.replace("\"maxLength\": 100", "\"maxLength\": 50").replace("\"REJECTED\"", "\"REJECTED\", \"CANCELLED\"");

        assertThat(SchemaCompatibility.breakingChanges(json(PUBLISHED), json(current))).hasSize(2);
    }

    @Test
    void addingAConstraintToAnExistingFieldBreaks() {
        String current = PUBLISHED.replace("\"format\": \"uuid\"", "\"format\": \"uuid\", \"pattern\": \"^[0-9a-f-]+$\"");

        assertThat(SchemaCompatibility.breakingChanges(json(PUBLISHED), json(current)))
            .containsExactly("/properties/orderId/pattern: added constraint \"^[0-9a-f-]+$\"");
    }

    private static JsonNode json(String text) {
        return SchemaFiles.JSON.readTree(text);
    }
}
