package io.github.chatsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The Gson check at sandbox start. That a sandbox really runs on Gson 2.8.9 is shown by the
 * it-consumers project gson-floor, which resolves that Gson.
 */
class GsonFloorTest {

    @Test
    void aGsonWithoutTheFloorsClassesIsRefusedNamingTheVersionFoundAndTheOneNeeded() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GsonFloor.check(false, "2.8.5"));
        assertTrue(e.getMessage().contains("needs Gson 2.8.9 or newer"), e.getMessage());
        assertTrue(e.getMessage().contains("Gson 2.8.5 is on the class path"), e.getMessage());
    }

    @Test
    void theGsonOfThisBuildPassesAndItsVersionIsRead() {
        assertDoesNotThrow(() -> GsonFloor.check());
        assertTrue(GsonFloor.version().matches("\\d+\\.\\d+(\\.\\d+)?"), GsonFloor.version());
    }
}
