package dev.panorama.restaurant.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.panorama.restaurant.domain.RestaurantFixtures.AJANTA;
import static dev.panorama.restaurant.domain.RestaurantFixtures.NOW;
import static dev.panorama.restaurant.domain.RestaurantFixtures.ajanta;
import static dev.panorama.restaurant.domain.RestaurantFixtures.berkeley;
import static dev.panorama.restaurant.domain.RestaurantFixtures.indian;
import static dev.panorama.restaurant.domain.RestaurantFixtures.menu;
import static dev.panorama.restaurant.domain.RestaurantFixtures.menuWithLassi;
import static dev.panorama.restaurant.domain.RestaurantFixtures.mondaysOnly;
import static dev.panorama.restaurant.domain.RestaurantFixtures.naan;
import static dev.panorama.restaurant.domain.RestaurantFixtures.solanoAvenue;
import static dev.panorama.restaurant.domain.RestaurantFixtures.storedAjanta;
import static dev.panorama.restaurant.domain.RestaurantFixtures.vindaloo;
import static dev.panorama.restaurant.domain.RestaurantFixtures.weekdays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RestaurantTest {

    @Test
    void creationIsVersionOneWithItsEventPending() {
        Restaurant restaurant = Restaurant.create(AJANTA, ajanta(), indian(), berkeley(), solanoAvenue(), weekdays(), menu(), NOW);

        assertThat(restaurant.version()).isEqualTo(1);
        assertThat(restaurant.storedVersion()).as("nothing stored yet").isZero();
        assertThat(restaurant.pendingEvents()).singleElement().isInstanceOfSatisfying(RestaurantCreated.class, event -> {
            assertThat(event.restaurantId()).isEqualTo(AJANTA);
            assertThat(event.restaurantVersion()).isEqualTo(1);
            assertThat(event.occurredAt()).isEqualTo(NOW);
            assertThat(event.name()).isEqualTo(ajanta());
            assertThat(event.cuisine()).isEqualTo(indian());
            assertThat(event.location()).isEqualTo(berkeley());
            assertThat(event.address()).isEqualTo(solanoAvenue());
            assertThat(event.openingHours()).isEqualTo(weekdays());
            assertThat(event.menu()).isEqualTo(menu());
            assertThat(event.eventId()).isNotNull();
        });
    }

    @Test
    void renamingRaisesTheVersionByOneAndRecordsTheNewName() {
        Restaurant restaurant = storedAjanta(1);

        restaurant.rename(new RestaurantName("Ajanta Kitchen"), NOW);

        assertThat(restaurant.name()).isEqualTo(new RestaurantName("Ajanta Kitchen"));
        assertThat(restaurant.version()).isEqualTo(2);
        assertThat(restaurant.storedVersion()).isEqualTo(1);
        assertThat(restaurant.pendingEvents()).singleElement().isInstanceOfSatisfying(RestaurantRenamed.class, event -> {
            assertThat(event.restaurantVersion()).isEqualTo(2);
            assertThat(event.name()).isEqualTo(new RestaurantName("Ajanta Kitchen"));
        });
    }

    @Test
    void revisingTheMenuRaisesTheVersionByOneAndRecordsTheWholeNewMenu() {
        Restaurant restaurant = storedAjanta(2);

        restaurant.reviseMenu(menuWithLassi(), NOW);

        assertThat(restaurant.menu()).isEqualTo(menuWithLassi());
        assertThat(restaurant.version()).isEqualTo(3);
        assertThat(restaurant.pendingEvents()).singleElement().isInstanceOfSatisfying(RestaurantMenuRevised.class, event -> {
            assertThat(event.restaurantVersion()).isEqualTo(3);
            assertThat(event.menu()).isEqualTo(menuWithLassi());
        });
    }

    @Test
    void changingTheOpeningHoursRaisesTheVersionByOneAndRecordsAllOfThem() {
        Restaurant restaurant = storedAjanta(3);

        restaurant.changeOpeningHours(mondaysOnly(), NOW);

        assertThat(restaurant.openingHours()).isEqualTo(mondaysOnly());
        assertThat(restaurant.version()).isEqualTo(4);
        assertThat(restaurant.pendingEvents()).singleElement().isInstanceOfSatisfying(RestaurantOpeningHoursChanged.class, event -> {
            assertThat(event.restaurantVersion()).isEqualTo(4);
            assertThat(event.openingHours()).isEqualTo(mondaysOnly());
        });
    }

    @Test
    void changingToWhatItAlreadyIsChangesNothing() {
        Restaurant restaurant = storedAjanta(4);

        restaurant.rename(ajanta(), NOW);
        restaurant.reviseMenu(new Menu(List.of(vindaloo(), naan())), NOW);
        restaurant.changeOpeningHours(weekdays(), NOW);

        assertThat(restaurant.version()).isEqualTo(4);
        assertThat(restaurant.pendingEvents()).isEmpty();
    }

    @Test
    void theSameItemsInAnotherOrderAreARevisedMenu() {
        Restaurant restaurant = storedAjanta(1);

        restaurant.reviseMenu(new Menu(List.of(naan(), vindaloo())), NOW);

        assertThat(restaurant.pendingEvents()).hasSize(1);
    }

    @Test
    void refusesASecondChangeBeforeTheFirstIsSavedAndKeepsTheFirst() {
        Restaurant restaurant = storedAjanta(1);
        restaurant.rename(new RestaurantName("Ajanta Kitchen"), NOW);

        assertThatIllegalStateException().isThrownBy(() -> restaurant.reviseMenu(menuWithLassi(), NOW));
        assertThatIllegalStateException().isThrownBy(() -> restaurant.changeOpeningHours(mondaysOnly(), NOW));
        assertThat(restaurant.menu()).isEqualTo(menu());
        assertThat(restaurant.openingHours()).isEqualTo(weekdays());
        assertThat(restaurant.version()).isEqualTo(2);
        assertThat(restaurant.pendingEvents()).hasSize(1);
    }

    @Test
    void aNewRestaurantCannotBeChangedBeforeItIsSaved() {
        Restaurant restaurant = Restaurant.create(AJANTA, ajanta(), indian(), berkeley(), solanoAvenue(), weekdays(), menu(), NOW);

        assertThatIllegalStateException().isThrownBy(() -> restaurant.rename(new RestaurantName("Ajanta Kitchen"), NOW));
    }

    @Test
    void aStoredRestaurantHasVersionOneOrMore() {
        assertThatIllegalArgumentException().isThrownBy(() -> storedAjanta(0));
    }
}
