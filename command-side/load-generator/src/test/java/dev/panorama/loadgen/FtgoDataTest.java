package dev.panorama.loadgen;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class FtgoDataTest {

    @Test
    void drawsTheSameBodiesFromTheSameSeed() {
        assertThat(FtgoData.restaurant(new SplittableRandom(7))).isEqualTo(FtgoData.restaurant(new SplittableRandom(7)));
        assertThat(FtgoData.consumer(new SplittableRandom(7), "a")).isEqualTo(FtgoData.consumer(new SplittableRandom(7), "a"));
    }

    @Test
    void drawsDifferentBodiesFromDifferentSeeds() {
        List<Object> restaurants = new SplittableRandom(1).ints(20).mapToObj(seed -> (Object) FtgoData.restaurant(new SplittableRandom(seed))).distinct().toList();

        assertThat(restaurants).hasSizeGreaterThan(15);
    }

    @Test
    void menusHaveUniqueItemIdsAndPricesWithTwoFractionDigits() {
        for (int seed = 0; seed < 200; seed++) {
            List<Map<String, Object>> menu = FtgoData.menuOf(FtgoData.restaurant(new SplittableRandom(seed)));

            assertThat(menu).extracting(item -> item.get("menuItemId")).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat((String) id).matches("[A-Za-z0-9._-]{1,64}"));
            assertThat(menu).extracting(item -> ((Map<?, ?>) item.get("price")).get("amount"))
                .allSatisfy(amount -> assertThat((String) amount).matches("[1-9][0-9]*\\.[0-9]{2}"));
        }
    }

    @Test
    void aRepricedMenuKeepsItsItemIds() {
        SplittableRandom random = new SplittableRandom(3);
        List<Map<String, Object>> menu = FtgoData.menuOf(FtgoData.restaurant(random));

        List<Map<String, Object>> revised = FtgoData.repriced(random, menu);

        assertThat(revised).extracting(item -> item.get("menuItemId")).containsExactlyElementsOf(menu.stream().map(item -> item.get("menuItemId")).toList());
    }
}
