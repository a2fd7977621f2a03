package dev.panorama.devstack.mongo;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class StringConditionsTest {

    private static final List<Object> VALUES = List.of("a", "b", "c", 1, 2.0, List.of("a", "z"), List.of(), new Document("x", "a"));

    private final Random random = new Random(7);

    @Test
    void answersExactlyWhatTheServersMatcherAnswersWheneverItAnswers() {
        DefaultQueryMatcher server = new DefaultQueryMatcher();
        int judged = 0;
        int matched = 0;
        for (int round = 0; round < 20_000; round++) {
            Document query = randomQuery();
            Document document = randomDocument();
            StringConditions conditions = StringConditions.of(query);
            Boolean answer = conditions == null ? null : conditions.matches(document);
            if (answer != null) {
                judged++;
                matched += answer ? 1 : 0;
                assertThat(answer).as("%s against %s", query, document).isEqualTo(server.matches(document, query));
            }
        }
        assertThat(judged).as("most simple queries on string fields are judged").isGreaterThan(5_000);
        assertThat(matched).as("both answers are seen").isBetween(500, judged - 500);
    }

    @Test
    void leavesEverythingButStringEqualitiesAndInListsToTheServer() {
        assertThat(StringConditions.of(new Document("type", "order").append("_id", new Document("$in", List.of("o1", "o2"))))).isNotNull();
        assertThat(StringConditions.of(new Document("$and", List.of(new Document("type", "order"), new Document("consumerId", "c1"))))).isNotNull();

        assertThat(StringConditions.of(new Document())).as("matches everything").isNull();
        assertThat(StringConditions.of(new Document("version", 3))).as("numbers compare across types").isNull();
        assertThat(StringConditions.of(new Document("_id", new Document("$in", List.of("o1", 2))))).isNull();
        assertThat(StringConditions.of(new Document("_id", new Document("$in", List.of("o1")).append("$ne", "o2")))).isNull();
        assertThat(StringConditions.of(new Document("consumer.id", "c1"))).as("a path").isNull();
        assertThat(StringConditions.of(new Document("consumerId", null))).as("null matches a missing field").isNull();
        assertThat(StringConditions.of(new Document("$or", List.of(new Document("type", "order"))))).isNull();
        assertThat(StringConditions.of(new Document("$and", List.of(new Document("type", "order"), new Document("type", "delivery")))))
            .as("the same field twice").isNull();

        StringConditions byType = StringConditions.of(new Document("type", "order"));
        assertThat(byType.matches(new Document("type", List.of("order")))).as("an array: the server judges").isNull();
        assertThat(byType.matches(new Document("type", 1))).isNull();
        assertThat(byType.matches(new Document("kind", "order"))).as("absent").isFalse();
    }

    private Document randomQuery() {
        List<Document> clauses = new ArrayList<>();
        for (String field : List.of("f", "g")) {
            switch (random.nextInt(4)) {
                case 0 -> clauses.add(new Document(field, randomString()));
                case 1 -> {
                    List<Object> in = new ArrayList<>();
                    for (int i = random.nextInt(4); i >= 0; i--) {
                        in.add(random.nextInt(12) == 0 ? 1 : randomString());
                    }
                    clauses.add(new Document(field, new Document("$in", in)));
                }
                case 2 -> clauses.add(new Document(field, VALUES.get(random.nextInt(VALUES.size()))));
                default -> {
                }
            }
        }
        Document query = new Document();
        if (random.nextBoolean() && clauses.size() > 1) {
            query.put("$and", clauses);
        } else {
            clauses.forEach(query::putAll);
        }
        return query;
    }

    private Document randomDocument() {
        Document document = new Document("_id", "d");
        for (String field : List.of("f", "g")) {
            int pick = random.nextInt(VALUES.size() + 4);
            if (pick < VALUES.size()) {
                document.put(field, VALUES.get(pick));
            } else if (pick < VALUES.size() + 3) {
                document.put(field, randomString());
            }
        }
        return document;
    }

    private String randomString() {
        return List.of("a", "b", "c").get(random.nextInt(3));
    }
}
