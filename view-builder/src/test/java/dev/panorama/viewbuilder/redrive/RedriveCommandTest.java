package dev.panorama.viewbuilder.redrive;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedriveCommandTest {

    @Test
    void rejectsAnUnknownArgumentWithTheUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = RedriveCommand.run(new String[] {"redrive", "--everything"}, Map.of(), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument --everything").contains("usage: view-builder redrive");
    }

    @Test
    void reasonNeedsAValue() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(RedriveCommand.run(new String[] {"redrive", "--reason"}, Map.of(), System.out, new PrintStream(err, true, StandardCharsets.UTF_8)))
            .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--reason needs a value");
    }
}
