package dev.mynasim.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(MynasimExtension.class)}: a {@link Mynasim} parameter of a test or lifecycle method is one
 * simulator per test run, started on first use from the jar that {@code -Dmynasim.jar} or {@code MYNASIM_JAR}
 * names, on a free loopback port with a temporary data folder, and stopped (and its folder deleted) when the run
 * ends; {@code -Dmynasim.options} or {@code MYNASIM_OPTIONS} adds options of the jar (for example
 * {@code --log-format json}). Test classes share it: register services and cards of their own rather than reset it.
 */
public final class MynasimExtension implements ParameterResolver {

    private static final Object KEY = MynasimExtension.class;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Mynasim.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, key -> Running.start(), Running.class).mynasim;
    }

    /** The run's simulator, closed by JUnit at the end of the run. */
    static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final Mynasim mynasim;
        private final Path data;

        private Running(Mynasim mynasim, Path data) {
            this.mynasim = mynasim;
            this.data = data;
        }

        static Running start() {
            String jar = System.getProperty("mynasim.jar", System.getenv().getOrDefault("MYNASIM_JAR", ""));
            if (jar.isBlank()) {
                throw new IllegalStateException("set -Dmynasim.jar or MYNASIM_JAR to mynasim.jar "
                        + "(mvn -B package writes launcher/target/mynasim.jar)");
            }
            try {
                Path data = Files.createTempDirectory("mynasim-");
                String options = System.getProperty("mynasim.options",
                        System.getenv().getOrDefault("MYNASIM_OPTIONS", "")).strip();
                return new Running(Mynasim.start(Path.of(jar), data,
                        options.isEmpty() ? new String[0] : options.split("\\s+")), data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            mynasim.close();
            try (Stream<Path> walk = Files.walk(data)) {
                walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind is no reason to fail the run
            }
        }
    }
}
